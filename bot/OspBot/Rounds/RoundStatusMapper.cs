using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Common;
using OspBot.Members;
using OspBot.Outbox;
using static OspBot.Rounds.RoundCardMapper;
using C = OspBot.Cards.Rounds;
using D = OspBot.Rounds;

namespace OspBot.Rounds;

/// The secretariat's views (status, digest, history) and refusals → card models or cards, pure.
internal static class RoundStatusMapper
{
    public static C.RoundStatusModel Status(D.RoundStatusView s, string recipientMri, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new C.RoundStatusModel
        {
            RoundId = Id(s.Round.RoundId),
            RoundLabel = s.Round.QuarterLabel,
            Deadline = s.Round.DeadlineAt,
            Now = now,
            ClosedAt = s.Round.State == D.RoundState.Closed ? s.Round.ClosedAt ?? now : null,
            RecipientMri = recipientMri,
            // Before the deadline a sub-group can still change what it submitted: Reopen would mean nothing.
            Rows = [.. s.Groups.Select(g => Row(s.Round.RoundId, g, now >= s.Round.DeadlineAt || s.Round.State != D.RoundState.Open))],
            Unreachable =
            [
                .. s.Undelivered.Where(u => u.State is DeliveryState.Unreachable or DeliveryState.Ambiguous or DeliveryState.Pending)
                    .DistinctBy(u => (u.PersonName, u.GroupName))
                    .Select(u => new C.UnreachableRecipient(PersonNames.Shown(u.PersonName), u.GroupName ?? "", u.State switch
                    {
                        DeliveryState.Ambiguous => C.UnreachableReason.MayNotHaveArrived,
                        DeliveryState.Pending => C.UnreachableReason.Retrying,
                        _ => Reason(u.Reason),
                    })
                    { Detail = u.Reason?.StartsWith(DeliveryReasons.EmailRefused, StringComparison.Ordinal) == true ? u.Reason : null }),
            ],
            SentByEmail = [.. s.SentByEmail.Select(e => new C.EmailedRecipient(PersonNames.Shown(e.PersonName), e.GroupName ?? ""))],
        };
    }

    public static C.RoundDigestModel Digest(D.DigestView d, IReadOnlyList<string> refreshUserIds)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new C.RoundDigestModel
        {
            RoundId = Id(d.Round.RoundId),
            RoundLabel = d.Round.QuarterLabel,
            Deadline = d.Round.DeadlineAt,
            RefreshUserIds = refreshUserIds,
            // Only a counting submission is the digest's to read: a sub-group still drafting gets no Read button.
            Rows =
            [
                .. d.Groups.Select(g => new C.SubGroupRow
                {
                    SubGroupId = Id(g.UpdateId),
                    Key = g.Content is null ? null : new C.UpdateKey(Id(d.Round.RoundId), Id(g.UpdateId), "0"),
                    SubGroupName = g.GroupName,
                    State = State(g.Status),
                    Submitted = g.SubmittedAt is { } at ? new C.Stamp(g.SubmittedBy ?? "", at) : null,
                    IsLate = g.IsLate,
                    Rag = Rag(g.Content?.Rag),
                }),
            ],
        };
    }

    public static C.UpdateHistoryModel History(string groupName, IReadOnlyList<D.HistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new C.UpdateHistoryModel
        {
            Title = $"{groupName}: past updates",
            Entries =
            [
                .. entries.Select(e => new C.HistoryEntry
                {
                    RoundId = Id(e.RoundId),
                    QuarterLabel = e.QuarterLabel,
                    Key = new C.UpdateKey(Id(e.RoundId), Id(e.UpdateId), "0"),
                    State = State(e.Status),
                    Rag = Rag(e.Rag),
                    Submitted = e.SubmittedAt is { } at ? new C.Stamp(e.SubmittedBy ?? "", at) : null,
                    IsLate = e.IsLate,
                }),
            ],
        };
    }

    /// The secretariat's list of rounds, newest first; each entry's button opens that round's status card.
    public static C.UpdateHistoryModel Rounds(IReadOnlyList<D.RoundSummary> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        return new C.UpdateHistoryModel
        {
            Title = "Quarterly update rounds",
            Entries =
            [
                .. rounds.Select(r => new C.HistoryEntry
                {
                    RoundId = Id(r.Round.RoundId),
                    QuarterLabel = r.Round.QuarterLabel,
                    Round = new C.RoundFacts(r.Round.MeetingDate, r.Submitted, r.SubGroups, r.Round.State == D.RoundState.Closed),
                }),
            ],
        };
    }

    /// A refusal as a card: the two the cards have words for, else the service's own polite sentence.
    public static AdaptiveCard Refusal(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Reason switch
        {
            RefusalReason.NotMatched => MessageCards.NotMatched(),
            RefusalReason.NoRole => C.RoundMessageCards.NotALead(),
            _ => MessageCards.Message("Sorry", refusal.Message),
        };
    }

    private static C.SubGroupRow Row(int roundId, D.GroupStatus g, bool pastDeadline) => new()
    {
        SubGroupId = Id(g.UpdateId),
        SubGroupName = g.GroupName,
        State = State(g.Status),
        Key = new C.UpdateKey(Id(roundId), Id(g.UpdateId), "0"),
        LastEditedAt = g.LastEditedAt,
        Submitted = g.SubmittedAt is { } at ? new C.Stamp(g.SubmittedBy ?? "", at) { ViaEmail = g.SubmittedViaEmail } : null,
        IsLate = g.IsLate,
        Rag = Rag(g.Rag),
        CanReopen = pastDeadline && g.Status is D.UpdateStatus.Submitted or D.UpdateStatus.AwaitingApproval && !g.IsReopened,
        People = [.. g.People.Select(Person)],
    };

    private static C.PersonRow Person(D.PersonStatus p) => new()
    {
        Name = p.Name,
        IsVacant = p.IsVacant,
        Role = p.Role.ToString().ToLowerInvariant(),
        SeatTitle = p.RoleTitle,
        PromptedAt = p.PromptedAt,
        Chasers = p.Chasers,
        LastChasedAt = p.LastChasedAt,
        Channel = p.Channel switch
        {
            DeliveryChannel.Teams => C.SentBy.Teams,
            DeliveryChannel.Email => C.SentBy.Email,
            _ => null,
        },
    };

    private static C.UnreachableReason Reason(string? reason) => reason switch
    {
        DeliveryReasons.NotLinked => C.UnreachableReason.NotMatched,
        DeliveryReasons.NoEmail => C.UnreachableReason.NoEmail,
        { } r when r.StartsWith(DeliveryReasons.EmailRefused, StringComparison.Ordinal) => C.UnreachableReason.EmailRefused,
        { } r when r.StartsWith(DeliveryReasons.TooManyFailures, StringComparison.Ordinal) => C.UnreachableReason.SendFailed,
        DeliveryReasons.AppNotInstalled or null => C.UnreachableReason.AppNotInstalled,
        "ConversationBlockedByUser" or "MessageWritesBlocked" => C.UnreachableReason.Blocked,
        _ => C.UnreachableReason.Removed,
    };
}
