using OspBot.Common;

namespace OspBot.Reports.Drafting;

internal static partial class SectionDrafter
{
    private const int MaxOtherWordings = 2;

    private static DraftedSection Place(
        List<Occurrence> occurrences, OrderedDictionary<string, List<(IReadOnlyList<string> Path, SourceNote Source)>> themes,
        IReadOnlyList<ItemCluster> clusters, int[] clusterOf)
    {
        var live = clusters.Select(c => c.Representative >= 0 && !IsClosed(occurrences, c)).ToArray();
        var underParagraph = new Dictionary<int, List<DraftedItem>>();
        var underTheme = new Dictionary<string, List<DraftedItem>>(StringComparer.Ordinal);
        var plain = new List<DraftedItem>();
        var paragraphs = new List<int>();
        for (var c = 0; c < clusters.Count; c++)
        {
            if (!live[c])
            {
                continue;
            }
            var kept = occurrences[clusters[c].Representative];
            if (kept.Role != Role.Item)
            {
                paragraphs.Add(c);
                continue;
            }
            // Where its kept wording stood: under a lead-in still in the report, under a theme, or in the plain list.
            var item = Item(occurrences, clusters[c]);
            var leadIn = kept.LeadIn >= 0 ? clusterOf[kept.LeadIn] : -1;
            if (leadIn >= 0 && live[leadIn] && occurrences[clusters[leadIn].Representative].Role != Role.Item)
            {
                Add(underParagraph, leadIn, item);
            }
            else if (kept.Theme is { } theme)
            {
                Add(underTheme, theme, item);
            }
            else
            {
                plain.Add(item);
            }
        }
        return new DraftedSection(
            [.. paragraphs.Select(c => new DraftedParagraph(Item(occurrences, clusters[c]), underParagraph.GetValueOrDefault(c) ?? []))],
            plain,
            [.. themes.Where(t => underTheme.ContainsKey(t.Key))
                .Select(t => new DraftedTheme(t.Value[^1].Path, new Provenance([.. t.Value.Select(v => v.Source).Distinct()]), underTheme[t.Key]))]);
    }

    private static void Add<TKey>(Dictionary<TKey, List<DraftedItem>> lists, TKey key, DraftedItem item)
        where TKey : notnull =>
        (lists.TryGetValue(key, out var list) ? list : lists[key] = []).Add(item);

    /// Closed by a mark after the last time an update gave it.
    private static bool IsClosed(List<Occurrence> occurrences, ItemCluster cluster)
    {
        var lastClosed = cluster.Members.LastOrDefault(m => occurrences[m].Role == Role.Closed, -1);
        return lastClosed >= 0 && cluster.Members.All(m => m <= lastClosed || occurrences[m].Role == Role.Closed);
    }

    private static DraftedItem Item(List<Occurrence> occurrences, ItemCluster cluster)
    {
        var kept = occurrences[cluster.Representative];
        var members = cluster.Members.Where(m => occurrences[m].Role != Role.Closed).Select(m => occurrences[m]).ToList();
        var keptKey = ItemWords.Normalise(kept.Text);
        var others = members.Where(o => ItemWords.Normalise(o.Text) != keptKey)
            .DistinctBy(o => ItemWords.Normalise(o.Text)).TakeLast(MaxOtherWordings)
            .Select(o => (o.Source, o.Text)).ToList();
        var sources = members.Select(o => o.Source).Distinct().ToList();
        return new DraftedItem(kept.Text, new Provenance(sources, kept.Source, others));
    }

    private static bool IsNil(string text) => NilReturn.Is(text);
}
