using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Meetings;

/// Pieces the meeting cards share.
internal static class MeetingBlocks
{
    public static IReadOnlyList<KeyValuePair<string, string>> Ids(int meetingId) =>
        [new(MeetingInputs.MeetingId, meetingId.ToString(CultureInfo.InvariantCulture))];

    /// "Tuesday 3 November 2026, 10:00–11:00 (London)"; a meeting across midnight gives both dates.
    public static string When(DateTimeOffset start, DateTimeOffset end)
    {
        var (from, to) = (CardFormat.InLondon(start), CardFormat.InLondon(end));
        var until = from.Date == to.Date
            ? to.ToString("HH:mm", CultureInfo.InvariantCulture)
            : to.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        return $"{from.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)}–{until} (London)";
    }

    public static IEnumerable<CardElement> Agenda(string? agenda)
    {
        if (string.IsNullOrWhiteSpace(agenda))
        {
            yield break;
        }
        yield return CardBlocks.Bold("Agenda");
        yield return new TextBlock(CardBlocks.Multiline(agenda.Trim())) { Spacing = Spacing.Small };
    }

    public static IEnumerable<CardElement> Notices(string? notice, string? error)
    {
        if (error is { Length: > 0 })
        {
            yield return CardBlocks.Notice(CardText.Escape(error), ContainerStyle.Attention);
        }
        else if (notice is { Length: > 0 })
        {
            yield return CardBlocks.Notice(CardText.Escape(notice), ContainerStyle.Good);
        }
    }

    public static ExecuteAction BackButton(int meetingId) => CardActions.Execute("Back to the meeting", MeetingVerbs.Show, Ids(meetingId));

    public static ExecuteAction ListButton() => CardActions.Execute("Upcoming meetings", MeetingVerbs.List, []);

    /// A short card: a heading and a sentence (refusals, "not found").
    public static AdaptiveCard Message(string heading, string text, IReadOnlyList<CardAction>? actions = null) => new()
    {
        FallbackText = text,
        Body = [CardBlocks.Heading(heading), new TextBlock(CardText.Escape(text))],
        Actions = actions,
    };

    /// "• Ada Lovelace" lines as one TextBlock (names escaped), or a subtle "Nobody".
    public static TextBlock Names(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        return list.Count == 0
            ? new TextBlock("Nobody") { IsSubtle = true, Spacing = Spacing.Small }
            : new TextBlock(string.Join("\n\n", list.Select(l => "• " + l))) { Spacing = Spacing.Small };
    }
}
