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
        // Words as small integers, sorted per item, so comparing two items is a merge of two short arrays.
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
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
                int[] words = [.. key.Split(' ').Select(w => wordIds.TryGetValue(w, out var id) ? id : wordIds[w] = wordIds.Count).Distinct().Order()];
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

    /// Words in common over distinct words in either (Jaccard), for sorted distinct word ids.
    public static double Similarity(int[] a, int[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return (double)common / (a.Length + b.Length - common);
    }

    private static bool IsNearDuplicate(int[] a, int[] b)
    {
        if (a.Length < MinWordsForNearMatch || b.Length < MinWordsForNearMatch
            || (double)Math.Min(a.Length, b.Length) / Math.Max(a.Length, b.Length) < NearDuplicateThreshold)
        {
            return false;
        }
        return Similarity(a, b) >= NearDuplicateThreshold;
    }

    private sealed class Entry(string text, int[] words)
    {
        public string Text { get; set; } = text;

        public int[] Words { get; } = words;

        public List<string> Sources { get; } = [];
    }
}
