using System.Text.Json;

namespace OspBot.Reports;

/// Sends and updates the requester's report card in Teams. A boundary of its own for now (the lead will fold it into
/// the shared Teams notifier); implemented over the Bot Connector in OspBot.
internal interface IReportCardSender
{
    /// Posts the card into the conversation; returns the new activity id.
    Task<string> SendAsync(Uri serviceUrl, string conversationId, JsonElement card, string summary, CancellationToken ct);

    /// Replaces the card posted as <paramref name="activityId"/>.
    Task UpdateAsync(Uri serviceUrl, string conversationId, string activityId, JsonElement card, string summary, CancellationToken ct);
}
