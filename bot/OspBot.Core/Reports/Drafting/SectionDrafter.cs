using OspBot.Common;

namespace OspBot.Reports.Drafting;

/// One quarter's text of a section (achievements, plans, …) and whose it is.
internal sealed record QuarterText(SourceNote Source, string Text);

/// A plan that a later update's carry-forward marks said was done or dropped.
internal sealed record ClosedPlan(SourceNote Source, string Text);

/// Drafts a sub-group's year of one section from its quarters: parses each quarter's structure, merges what
/// several quarters said in different words (keeping the fullest wording with the latest fact), and places each
/// piece where its kept wording stood: under its lead-in, its theme, or in the plain list.
internal static partial class SectionDrafter
{
    private enum Role
    {
        Paragraph,
        LeadIn,
        Item,
        Closed,
    }

    /// Where an occurrence stood: an item's lead-in (occurrence index, or -1) and theme key (or null).
    private sealed record Occurrence(string Text, Role Role, SourceNote Source, int LeadIn = -1, string? Theme = null);

    /// <paramref name="closed"/> plans are left out when no update mentions them again after they were closed.
    public static DraftedSection Draft(IReadOnlyList<QuarterText> quarters, IReadOnlyList<ClosedPlan>? closed = null)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        var (occurrences, themes) = Collect(quarters, closed ?? []);
        if (occurrences.Count == 0)
        {
            return DraftedSection.Empty;
        }
        var clusters = ItemMerger.Cluster([.. occurrences.Select(o => o.Text)], i => occurrences[i].Role != Role.Closed);
        var clusterOf = new int[occurrences.Count];
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var m in clusters[c].Members)
            {
                clusterOf[m] = c;
            }
        }
        return Place(occurrences, themes, clusters, clusterOf);
    }

    /// Every piece of every quarter as one merged list (challenges, requests): no prose, no themes.
    public static IReadOnlyList<DraftedItem> DraftList(IReadOnlyList<QuarterText> quarters)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        var pieces = quarters.OrderBy(q => q.Source.Year).ThenBy(q => q.Source.Quarter)
            .SelectMany(q => Pieces(q.Text).Select(t => new Occurrence(t, Role.Item, q.Source)))
            .ToList();
        return [.. ItemMerger.Cluster([.. pieces.Select(p => p.Text)]).Select(c => Item(pieces, c))];
    }

    /// A section's pieces of text in order, as one list: prose, items, a lead-in unless it is only a lead-in; no nil returns.
    public static IEnumerable<string> Pieces(string? section) => SectionParser.Parse(section).SelectMany(Pieces).Where(t => !IsNil(t));

    private static IEnumerable<string> Pieces(Segment segment) => segment switch
    {
        ProseSegment p => [p.Text],
        // A bare lead-in ("Potential priorities include:") says nothing once its items stand in one list.
        LeadInSegment l => SectionParser.IsHeadingLike(l.Text) && l.Items.Count > 0 ? l.Items : l.Items.Prepend(l.Text),
        ThemeSegment t => t.Items,
        ListSegment l => l.Items,
        _ => [],
    };

    private static (List<Occurrence>, OrderedDictionary<string, List<(IReadOnlyList<string> Path, SourceNote Source)>>) Collect(
        IReadOnlyList<QuarterText> quarters, IReadOnlyList<ClosedPlan> closed)
    {
        var occurrences = new List<Occurrence>();
        // In the order themes were first written.
        var themes = new OrderedDictionary<string, List<(IReadOnlyList<string>, SourceNote)>>(StringComparer.Ordinal);
        var stream = quarters.Select(q => (q.Source, Text: q.Text, IsClosed: false))
            .Concat(closed.Select(c => (c.Source, c.Text, IsClosed: true)))
            // A quarter's marks close plans of earlier quarters, so they come before that quarter's own text.
            .OrderBy(x => x.Source.Year).ThenBy(x => x.Source.Quarter).ThenBy(x => x.IsClosed ? 0 : 1);
        foreach (var (source, text, isClosed) in stream)
        {
            if (isClosed)
            {
                occurrences.Add(new Occurrence(PastedText.Clean(text), Role.Closed, source));
                continue;
            }
            foreach (var segment in SectionParser.Parse(text))
            {
                Add(occurrences, themes, segment, source);
            }
        }
        return (occurrences, themes);
    }

    private static void Add(List<Occurrence> occurrences, OrderedDictionary<string, List<(IReadOnlyList<string>, SourceNote)>> themes, Segment segment, SourceNote source)
    {
        var (leadIn, theme) = (-1, (string?)null);
        IEnumerable<string> items;
        switch (segment)
        {
            case ProseSegment p:
                if (!IsNil(p.Text))
                {
                    occurrences.Add(new Occurrence(p.Text, Role.Paragraph, source));
                }
                return;
            case LeadInSegment l:
                leadIn = occurrences.Count;
                occurrences.Add(new Occurrence(l.Text, Role.LeadIn, source));
                items = l.Items;
                break;
            case ThemeSegment t:
                theme = string.Join(" / ", t.Path.Select(ItemWords.Normalise));
                (themes.TryGetValue(theme, out var seen) ? seen : themes[theme] = []).Add((t.Path, source));
                items = t.Items;
                break;
            case ListSegment l:
                items = l.Items;
                break;
            default:
                return;
        }
        occurrences.AddRange(items.Where(i => !IsNil(i)).Select(i => new Occurrence(i, Role.Item, source, leadIn, theme)));
    }
}
