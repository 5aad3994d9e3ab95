using System.Text.Json;
using OspBot.Outbox;

namespace OspBot.Reports;

/// Sends and updates the requester's report card in Teams; implemented over the Bot Connector in OspBot.
/// Kept apart from <see cref="Outbox.ITeamsNotifier"/> on purpose: a failed send here should fail the
/// compilation job (Quartz recovers it and the card is sent once), and the card is updated in place; the
/// notifier instead turns every answer into an outcome for the exactly-once bookkeeping of round deliveries.
internal interface IReportCardSender
{
    /// Posts the card into the conversation; returns the new activity id.
    Task<string> SendAsync(Uri serviceUrl, string conversationId, JsonElement card, string summary, CancellationToken ct);

    /// Replaces the card posted as <paramref name="activityId"/>.
    Task UpdateAsync(Uri serviceUrl, string conversationId, string activityId, JsonElement card, string summary, CancellationToken ct);
}
