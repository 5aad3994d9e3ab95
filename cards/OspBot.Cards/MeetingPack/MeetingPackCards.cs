using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.MeetingPack;

/// The built meeting pack: which version, and its expiring download link.
internal static class MeetingPackCards
{
    /// With Graph, the SharePoint copy too, or why it could not be uploaded.
    public static AdaptiveCard Download(string heading, Uri url, string expires, Uri? sharePoint, string? publishError) => new()
    {
        FallbackText = $"{heading}: {url}",
        Body =
        [
            CardBlocks.Heading(CardText.Escape(heading)),
            new TextBlock($"The link works until {CardText.Escape(expires)}."),
            .. publishError is { Length: > 0 } error ? [CardBlocks.Notice($"Not uploaded to SharePoint: {CardText.Escape(error)}", ContainerStyle.Warning)] : Array.Empty<CardElement>(),
        ],
        Actions =
        [
            new OpenUrlAction(url) { Title = "Download the pack (.docx)" },
            .. sharePoint is null ? Array.Empty<CardAction>() : [new OpenUrlAction(sharePoint) { Title = "Open in SharePoint" }],
        ],
    };
}
