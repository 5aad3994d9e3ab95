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
}
