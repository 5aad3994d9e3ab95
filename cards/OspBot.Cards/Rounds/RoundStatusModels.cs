namespace OspBot.Cards.Rounds;

/// One sub-group's update in a round, as the secretariat's status and digest cards list it.
internal sealed record SubGroupRow
{
    public required string SubGroupId { get; init; }
    public required string SubGroupName { get; init; }
    public required UpdateState State { get; init; }

    /// Null while nothing is written; else the update to read, remind about or reopen.
    public UpdateKey? Key { get; init; }
    public DateTimeOffset? LastEditedAt { get; init; }
    public Stamp? Submitted { get; init; }

    /// Submitted after the deadline, or still missing after it.
    public bool IsLate { get; init; }
    public Rag? Rag { get; init; }

    /// The chair or lead can no longer change it (submitted, or the deadline passed): offer Reopen.
    public bool CanReopen { get; init; }

    /// Its chairs and leads with what OspBot sent them (status card only).
    public IReadOnlyList<PersonRow> People { get; init; } = [];
}

/// How a round's prompt or chaser went out.
internal enum SentBy { Teams, Email }

/// A chair or lead on the status card.
internal sealed record PersonRow
{
    /// Null when the directory has no real name (a vacant seat, or a "(placeholder)"): the card names the seat by
    /// <see cref="SeatTitle"/> instead, never the placeholder as if it were a person.
    public string? Name { get; init; }

    public bool IsVacant { get; init; }

    /// "chair", "lead".
    public required string Role { get; init; }
    public string? SeatTitle { get; init; }
    public DateTimeOffset? PromptedAt { get; init; }
    public int Chasers { get; init; }
    public DateTimeOffset? LastChasedAt { get; init; }
    public SentBy? Channel { get; init; }
}

/// Why OspBot cannot reach a chair or lead in Teams.
internal enum UnreachableReason
{
    /// OspBot is not installed for them, so no personal chat exists.
    AppNotInstalled,

    /// They blocked OspBot.
    Blocked,

    /// They uninstalled OspBot or left the team it reaches them through.
    Removed,

    /// Their directory entry is not linked to a Teams account.
    NotMatched,

    /// Sending was cut off (a crash, a lost answer): the message may or may not have arrived, and is not resent.
    MayNotHaveArrived,

    /// Teams did not take the message just now (throttled, unavailable); OspBot tries again later.
    Retrying,

    /// Teams kept refusing the message until OspBot gave up; Remind sends it again.
    SendFailed,

    /// They are to be reached by e-mail and the directory has no address for them.
    NoEmail,

    /// The mail service refused the e-mail (Detail says why, e.g. Mail.Send not granted).
    EmailRefused,
}

internal sealed record UnreachableRecipient(string Name, string SubGroupName, UnreachableReason Reason)
{
    /// The mail service's own words, for EmailRefused.
    public string? Detail { get; init; }
}

/// Someone the round's messages reached by e-mail instead of Teams.
internal sealed record EmailedRecipient(string Name, string SubGroupName);

/// The secretariat's live view of a round.
internal sealed record RoundStatusModel
{
    public required string RoundId { get; init; }

    /// e.g. "Q3 2025/26".
    public required string RoundLabel { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required DateTimeOffset Now { get; init; }

    /// Closed by the secretariat: the card is a record, so it offers reading but no reminding or reopening.
    public DateTimeOffset? ClosedAt { get; init; }

    /// The secretariat member the card is for ("29:…"): it refreshes for them.
    public required string RecipientMri { get; init; }
    public IReadOnlyList<SubGroupRow> Rows { get; init; } = [];
    public IReadOnlyList<UnreachableRecipient> Unreachable { get; init; } = [];
    public IReadOnlyList<EmailedRecipient> SentByEmail { get; init; } = [];

    /// Open flags for the steering group (the secretariat's only), and what a decision pressed here came to.
    public IReadOnlyList<StatusFlagRow> Flags { get; init; } = [];
    public FlagNotice? FlagNotice { get; init; }

    /// What a button pressed on this card just did, when the rows cannot show it yet (a reminder is queued, not sent).
    public string? Notice { get; init; }
}

/// The round's digest for the secretariat and the OSP chair.
internal sealed record RoundDigestModel
{
    public required string RoundId { get; init; }
    public required string RoundLabel { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public IReadOnlyList<SubGroupRow> Rows { get; init; } = [];

    /// Teams ids ("29:…") of those who see the card; at most 60 get automatic refresh. Empty: no refresh.
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    /// Open flags for the steering group: the secretariat's digest lists them, the OSP chair's has none.
    public IReadOnlyList<StatusFlagRow> Flags { get; init; } = [];
}
