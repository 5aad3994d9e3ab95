namespace OspBot.Cards.Common;

/// Verbs of buttons that one feature's card carries and another feature answers: declared here, so neither
/// feature's cards depend on the other's. The answering feature lists the verb in its command table.
internal static class CrossFeatureVerbs
{
    /// On the rounds' status card; the reports feature compiles the annual report (data "year", or none).
    public const string CompileReport = "reports.compile";

    /// On a steering group meeting's reminder; the rounds feature shows the quarter's updates (data "meetingId",
    /// "roundId").
    public const string ReadQuarterUpdates = "meeting.updates";

    /// On the rounds' status card (and the escalations' own card); the escalations feature puts the flag (data
    /// "flag") on the steering group's agenda, or dismisses it with the note in input <see cref="FlagNoteId"/>. With
    /// data "roundId" (pressed on the status card) it answers with that round's status card.
    public const string FlagAgenda = "escalation.agenda";

    public const string FlagDismiss = "escalation.dismiss";

    public const string FlagKey = "flag";

    /// On the rounds' digest and a crowded status card; the escalations feature sends its card of flags below the
    /// pressed card, which it answers with that card refreshed (data "roundId", and "view": "status" or "digest").
    public const string ShowFlags = "escalations.show";

    public static string FlagNoteId(string flagKey) => $"note-{flagKey}";
}
