using OspBot.Cards.Common;

namespace OspBot.Cards.Rounds;

/// The verbs of every button on the round cards. Action.Execute sends the verb as value.action.verb;
/// the Action.Submit fallback (old clients) sends it as data.verb (<see cref="RoundData.Verb"/>).
internal static class RoundVerbs
{
    /// Automatic per-user refresh of a personal or status card.
    public const string Refresh = "refresh";

    public const string OpenUpdate = "update.open";
    public const string SaveDraft = "update.saveDraft";
    public const string Submit = "update.submit";
    public const string Edit = "update.edit";

    /// Opens one section alone, for a draft too long to edit in one card (<see cref="RoundData.Section"/>).
    public const string EditSection = "update.editSection";
    public const string Approve = "update.approve";

    /// Shows how section 4 as typed will be split into requests; saves nothing (<see cref="RequestSplitParts"/>).
    public const string CheckRequests = "update.checkRequests";
    public const string RemindTomorrow = "update.remindTomorrow";
    public const string ReadUpdate = "update.read";

    /// Secretariat: remind one sub-group now (<see cref="RoundData.SubGroupId"/>).
    public const string RemindGroup = "round.remindGroup";
    public const string Reopen = "round.reopen";

    /// Secretariat: close the round (<see cref="RoundData.RoundId"/>): no more updates, late ones included.
    public const string CloseRound = "round.close";
    public const string ShowStatus = "round.status";
    public const string ShowHistory = "round.history";

    /// One sub-group's updates over time, chosen on the picker (<see cref="RoundData.SubGroupKey"/>).
    public const string SubGroupHistory = "round.subGroupHistory";
    public const string OpenRound = "round.open";
}

/// Keys of the action data. Inputs arrive beside them under the ids of <see cref="UpdateInputs"/>.
internal static class RoundData
{
    /// Only in Action.Submit fallbacks: Execute carries the verb outside data.
    public const string Verb = CardActions.Verb;
    public const string RoundId = "roundId";
    public const string UpdateId = "updateId";
    public const string SubGroupId = "subGroupId";

    /// A sub-group's key ("stronger-communities"), on the history picker's buttons.
    public const string SubGroupKey = "subGroupKey";

    /// The version of the update the card showed: a save against an older version is stale.
    public const string Version = "version";

    /// An <see cref="UpdateSection.InputId"/>, for <see cref="RoundVerbs.EditSection"/>.
    public const string Section = "section";

    /// Comma-separated section input ids whose stored text this card did not carry in full; for them an
    /// absent or empty input means "keep the stored text", never "clear it".
    public const string Kept = "kept";

    /// In refresh data: which card to rebuild (<see cref="RefreshViews"/>).
    public const string View = "view";
}

/// What a refresh rebuilds; the value of <see cref="RoundData.View"/>.
internal static class RefreshViews
{
    public const string Update = "update";
    public const string Section = "section";
    public const string Summary = "summary";
    public const string Locked = "locked";
    public const string Chaser = "chaser";
    public const string Reader = "reader";
    public const string Status = "status";
    public const string Digest = "digest";
}
