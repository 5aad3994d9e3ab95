using System.Text.Json;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// Outgoing messages, as Bot Builder's MessageFactory.
public static class MessageFactory
{
    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };

    /// A message carrying one Adaptive Card; the summary is what notifications and chat lists show.
    public static Activity Card(JsonElement card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
    };
}
