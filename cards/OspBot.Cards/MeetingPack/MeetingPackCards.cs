using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.MeetingPack;

/// The built meeting pack: which version, and its expiring download link.
internal static class MeetingPackCards
{
    public static AdaptiveCard Download(string heading, Uri url, string expires) => new()
    {
        FallbackText = $"{heading}: {url}",
        Body = [CardBlocks.Heading(CardText.Escape(heading)), new TextBlock($"The link works until {CardText.Escape(expires)}.")],
        Actions = [new OpenUrlAction(url) { Title = "Download the pack (.docx)" }],
    };
}
