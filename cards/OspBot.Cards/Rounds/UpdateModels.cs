namespace OspBot.Cards.Rounds;

/// Overall status of a sub-group's work, as the update reports it.
internal enum Rag { Green, Amber, Red }

/// What became of one of last quarter's plan items.
internal enum PlanOutcome { Done, InProgress, Slipped, Dropped }

/// Where an update stands in its round.
internal enum UpdateState { NotStarted, Draft, AwaitingApproval, Submitted }

/// Identifies the update a card shows. Ids and version are opaque to the cards: the bot reads them back
/// from the action data (<see cref="RoundData"/>) and refuses a save whose version is not the current one.
internal sealed record UpdateKey(string RoundId, string UpdateId, string Version);

/// The four sections of an update; null or empty means not written yet.
internal sealed record UpdateText
{
    public string? Achievements { get; init; }
    public string? Plans { get; init; }
    public string? Challenges { get; init; }
    public string? Requests { get; init; }

    public string? Get(UpdateSection section) => Of(section, Achievements, Plans, Challenges, Requests);

    /// Picks a section's value from the four given in the template's order (also for UpdateLayout).
    internal static T Of<T>(UpdateSection section, T achievements, T plans, T challenges, T requests)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.InputId switch
        {
            UpdateInputs.Achievements => achievements,
            UpdateInputs.Plans => plans,
            UpdateInputs.Challenges => challenges,
            UpdateInputs.Requests => requests,
            _ => throw new ArgumentOutOfRangeException(nameof(section), section.InputId, "Not a section of the update template."),
        };
    }
}

/// One plan item from last quarter's update, reviewed in this one.
internal sealed record CarryForwardItem
{
    /// Stable id of the item; becomes part of the input ids (<see cref="UpdateInputs.CarryForwardOutcome"/>).
    public required string ItemId { get; init; }
    public required string Text { get; init; }
    public PlanOutcome? Outcome { get; init; }
    public string? Note { get; init; }
}

/// Who did something and when, e.g. "last saved by" or "submitted by".
internal sealed record Stamp(string By, DateTimeOffset At)
{
    /// Sent from the web form an e-mail linked to, not from Teams.
    public bool ViaEmail { get; init; }
}
