using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.MeetingPack;

internal static class MeetingPackVerbs
{
    /// "Build again" on a failed pack's card: the pressed card becomes the new progress card.
    public const string Build = "meetingPack.build";
}

/// The meeting pack's card: its progress while the job builds it, then the version and its expiring download link,
/// or why it failed with a button to try again.
internal static class MeetingPackCards
{
    public static AdaptiveCard Progress(string quarterLabel, string stage)
    {
        var text = $"Building the meeting pack for {CardText.Escape(quarterLabel)} — {CardText.Escape(stage)} …";
        return new()
        {
            FallbackText = text,
            Body =
            [
                CardBlocks.Heading($"Meeting pack for {CardText.Escape(quarterLabel)}"),
                new TextBlock(text),
                CardBlocks.Subtle("This card updates itself; the download link appears here when the pack is ready."),
            ],
        };
    }

    public static AdaptiveCard AlreadyBuilding(string quarterLabel, string stage) => MessageCards.Message(
        $"The meeting pack for {CardText.Escape(quarterLabel)} is being built already",
        $"It is at: {CardText.Escape(stage)}. The card of whoever asked shows the result; ask again once it is done for a new version.");

    public static AdaptiveCard Failed(string quarterLabel, string? error) => MessageCards.Message(
        $"The meeting pack for {CardText.Escape(quarterLabel)} could not be built",
        $"Something went wrong while building it{(error is { Length: > 0 } e ? $" ({CardText.Quote(e, 300)})" : "")}. Nothing was lost: "
            + "every version built before is kept and the updates are untouched. Try again, or ask for help if it keeps failing.") with
    {
        Actions = [CardActions.Execute("Build again", MeetingPackVerbs.Build, [])],
    };

    /// With Graph, the SharePoint copy too, or why it could not be uploaded or linked from the meeting's calendar event.
    public static AdaptiveCard Download(string heading, Uri url, string expires, Uri? sharePoint, string? publishError, string? calendarError = null) => new()
    {
        FallbackText = $"{heading}: {url}",
        Body =
        [
            CardBlocks.Heading(CardText.Escape(heading)),
            new TextBlock($"The link works until {CardText.Escape(expires)}."),
            .. publishError is { Length: > 0 } error ? [CardBlocks.Notice($"Not uploaded to SharePoint: {CardText.Escape(error)}", ContainerStyle.Warning)] : Array.Empty<CardElement>(),
            .. calendarError is { Length: > 0 } calendar
                ? [CardBlocks.Notice($"Not linked from the meeting's calendar event: {CardText.Escape(calendar)}", ContainerStyle.Warning)]
                : Array.Empty<CardElement>(),
        ],
        Actions =
        [
            new OpenUrlAction(url) { Title = "Download the pack (.docx)" },
            .. sharePoint is null ? Array.Empty<CardAction>() : [new OpenUrlAction(sharePoint) { Title = "Open in SharePoint" }],
        ],
    };
}
