using System.Collections.Frozen;
using System.Text;

namespace OspBot.Reports.Drafting;

/// An item as the merger compares it: its normalised text (case, punctuation and spacing ignored) and its content
/// words as ids, both in reading order and sorted, with function words dropped and endings trimmed so "employers"
/// and "employer", "funded" and "funding" count as one word.
internal sealed class ItemWords
{
    private ItemWords(string key, int[] sequence, int[] numbers)
    {
        Key = key;
        Sequence = sequence;
        Sorted = [.. sequence.Distinct().Order()];
        Numbers = numbers;
    }

    /// Upper case letters and digits separated by single spaces; "" for text with no letter or digit.
    public string Key { get; }

    /// Content words in reading order (repeats kept).
    public int[] Sequence { get; }

    /// Distinct content words, ascending.
    public int[] Sorted { get; }

    /// The words among <see cref="Sorted"/> that hold a digit ("2024", "100", "Q3"), ascending.
    public int[] Numbers { get; }

    public static ItemWords Of(string text, Dictionary<string, int> ids)
    {
        var key = Normalise(text);
        var sequence = new List<int>();
        var numbers = new SortedSet<int>();
        var words = key.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var lower = words[i];
            if (lower == "follow" && i + 1 < words.Length && words[i + 1] == "up")
            {
                // "follow-up" names a further event; "following" does not.
                lower = FollowUp;
                i++;
            }
            if (Stopwords.Contains(lower))
            {
                continue;
            }
            var stem = Stem(lower);
            if (!ids.TryGetValue(stem, out var id))
            {
                id = ids.Count;
                ids[stem] = id;
            }
            sequence.Add(id);
            if (stem.Any(char.IsDigit))
            {
                numbers.Add(id);
            }
        }
        return new ItemWords(key, [.. sequence], [.. numbers]);
    }

    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (c is '\'' or '’')
            {
                // "employers'" and "employers" are one word; "don't" stays one word.
                continue;
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// A crude English stemmer: enough for re-worded updates ("funded" / "funding", "places" / "placed").
    internal static string Stem(string word)
    {
        if (PastTense.TryGetValue(word, out var present))
        {
            return present;
        }
        if (word.Length <= 3 || word.Any(char.IsDigit))
        {
            return word;
        }
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3
                && !(suffix == "s" && word.EndsWith("ss", StringComparison.Ordinal)))
            {
                word = word[..^suffix.Length];
                break;
            }
        }
        return word.Length >= 4 && word[^1] == 'e' ? word[..^1] : word;
    }

    public const string FollowUp = "followup";

    /// Stems that mark a further occurrence rather than the same one re-reported.
    public static readonly IReadOnlyList<string> SequelStems = [FollowUp, "second", "third", "fourth", "fifth", "another", "further", "additional", "next", "repeat"];

    private static readonly string[] Suffixes = ["ing", "ies", "ed", "es", "s"];

    // Plans are written in the present ("Hold the seminar"), achievements in the past ("Held the seminar").
    private static readonly FrozenDictionary<string, string> PastTense = new (string Past, string Present)[]
    {
        ("held", "hold"), ("met", "meet"), ("ran", "run"), ("began", "begin"), ("begun", "begin"), ("wrote", "write"),
        ("written", "write"), ("sent", "send"), ("brought", "bring"), ("took", "take"), ("taken", "take"),
        ("gave", "giv"), ("given", "giv"), ("made", "mak"), ("won", "win"), ("led", "lead"), ("built", "build"),
        ("bought", "buy"), ("found", "find"), ("kept", "keep"), ("sought", "seek"), ("spent", "spend"),
        ("told", "tell"), ("went", "go"), ("gone", "go"), ("grew", "grow"), ("grown", "grow"), ("chose", "choos"),
        ("chosen", "choos"), ("drew", "draw"), ("drawn", "draw"), ("saw", "see"), ("seen", "see"),
    }.ToFrozenDictionary(p => p.Past, p => p.Present, StringComparer.Ordinal);

    // Function words carry no meaning of their own for telling two achievements apart. Months ("may") stay.
    private static readonly FrozenSet<string> Stopwords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
        "onto", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "do", "does",
        "did", "it", "its", "this", "that", "these", "those", "their", "them", "they", "there", "our", "we", "us",
        "which", "who", "whom", "whose", "what", "so", "such", "than", "then", "also", "will", "would", "could",
        "should", "can", "might", "must", "shall", "all", "any", "each", "both", "very", "now", "up", "out", "about",
        "over", "through", "within", "across", "via", "per", "if", "not", "no", "some", "more", "most", "other",
    ], StringComparer.Ordinal);
}
