using System.Text.RegularExpressions;

namespace OspBot.Reports.Drafting;

/// The topics of the year's steering group meetings, from their agendas: each topic once, in the order first
/// discussed, without the business every meeting has (apologies, minutes, any other business).
internal static partial class SteeringAgenda
{
    public static IReadOnlyList<DraftedItem> Topics(IReadOnlyList<SteeringMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var topics = meetings.OrderBy(m => m.Date)
            .SelectMany(m => Items(m).Where(t => !Procedural().IsMatch(t)).Select(t => (Text: t, m.Date)))
            .ToList();
        return [.. ItemMerger.Cluster([.. topics.Select(t => t.Text)]).Select(c =>
        {
            var dates = c.Members.Select(m => topics[m].Date).Distinct().Select(FinancialYears.Date);
            var noun = c.Members.Select(m => topics[m].Date).Distinct().Count() == 1 ? "meeting" : "meetings";
            return new DraftedItem(topics[c.Representative].Text, Provenance.Noted($"Agenda of the OSP steering group {noun} of {string.Join(", ", dates)}"));
        })];
    }

    /// The agenda's items (a meeting booked without an agenda has no topics to give: its title is only a name).
    private static IEnumerable<string> Items(SteeringMeeting meeting) =>
        SectionParser.Parse(meeting.Agenda).SelectMany(s => s switch
        {
            ProseSegment p => [p.Text],
            LeadInSegment l => l.Items.Count > 0 ? l.Items : [l.Text],
            ThemeSegment t => t.Items.Count > 0 ? t.Items : [t.Path[^1]],
            ListSegment l => l.Items,
            _ => [],
        });

    [GeneratedRegex(@"^(?:welcome(?: and introductions?)?|introductions?|apologies(?: for absence)?|minutes\b.*|matters arising|actions? (?:from|of) (?:the )?(?:last|previous) meeting|any other business|a\.?o\.?b\.?|dates? of (?:the )?next meeting|close|chair'?s? (?:welcome|introduction|update)s?|sub-?group updates?)[.:]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Procedural();
}
