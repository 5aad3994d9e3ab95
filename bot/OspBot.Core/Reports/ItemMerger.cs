using System.Text;

namespace OspBot.Reports;

/// An item and every source that mentioned it, in the order they first did.
internal sealed record MergedItem(string Text, IReadOnlyList<string> Sources);

/// Merges items repeated across quarters: equal once case, punctuation and spacing are ignored, or so close in
/// wording (share of distinct words in common) that they are the same achievement re-reported.
internal static class ItemMerger
{
    public const double NearDuplicateThreshold = 0.8;

    // Below this many words a changed word changes the meaning ("Met in May" vs "Met in June").
    private const int MinWordsForNearMatch = 5;

    public static IReadOnlyList<MergedItem> Merge(IEnumerable<(string Text, string Source)> items)
    {
        var merged = new List<Entry>();
        var byKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (text, source) in items)
        {
            // Text without letters or digits (only emoji, say) is compared as written.
            var key = Normalise(text) is { Length: > 0 } k ? k : text.Trim();
            if (key.Length == 0)
            {
                continue;
            }
            if (!byKey.TryGetValue(key, out var entry))
            {
                var words = key.Split(' ').ToHashSet(StringComparer.Ordinal);
                entry = merged.Find(e => IsNearDuplicate(e.Words, words));
                if (entry is null)
                {
                    entry = new Entry(text, words);
                    merged.Add(entry);
                }
                byKey[key] = entry;
            }
            // The latest wording of a re-reported item is usually the most up to date.
            entry.Text = text;
            if (!entry.Sources.Contains(source))
            {
                entry.Sources.Add(source);
            }
        }
        return [.. merged.Select(e => new MergedItem(e.Text, e.Sources))];
    }

    /// Upper case letters and digits separated by single spaces.
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != ' ' && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                sb.Append(' ');
            }
        }
        return sb.ToString().TrimEnd();
    }

    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    private static bool IsNearDuplicate(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count < MinWordsForNearMatch || b.Count < MinWordsForNearMatch
            || (double)Math.Min(a.Count, b.Count) / Math.Max(a.Count, b.Count) < NearDuplicateThreshold)
        {
            return false;
        }
        return Similarity(a, b) >= NearDuplicateThreshold;
    }

    private sealed class Entry(string text, HashSet<string> words)
    {
        public string Text { get; set; } = text;

        public HashSet<string> Words { get; } = words;

        public List<string> Sources { get; } = [];
    }
}
