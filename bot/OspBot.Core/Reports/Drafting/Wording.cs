using System.Collections.Frozen;

namespace OspBot.Reports.Drafting;

/// Small judgements about a piece of text: how many words and sentences, whether it introduces a list, and the
/// light tidying a list item or a theme gets.
internal static class Wording
{
    public static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// Sentences, counting ". " followed by a capital as a break (not "e.g. the", "Cllr. Brown" is rare enough).
    public static int Sentences(string text)
    {
        var count = 1;
        for (var i = 1; i + 2 < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && char.IsUpper(text[i + 2]) && char.IsLower(text[i - 1]))
            {
                count++;
            }
        }
        return count;
    }

    /// "… have included:", "The areas of focus for this work are;": the sentence runs on into its list.
    public static bool EndsWithIntroducingWord(string text)
    {
        var trimmed = text.TrimEnd(':', ';', ' ', '-', '–');
        var last = trimmed[(trimmed.LastIndexOf(' ') + 1)..].ToLowerInvariant();
        return IntroducingWords.Contains(last);
    }

    /// "Educational Attainment:" → "Educational Attainment".
    public static string ThemeTitle(string text) => text.TrimEnd(':', ';', ' ', '-', '–', '—');

    /// A list item starts with a capital; otherwise the words and their punctuation are the lead's.
    public static string TidyItem(string text)
    {
        var item = text;
        if (item.Length > 1 && char.IsLower(item[0]) && !char.IsUpper(item[1]))
        {
            item = char.ToUpperInvariant(item[0]) + item[1..];
        }
        return item;
    }

    /// A reason as it reads after "because": the first letter lowered unless it starts a name ("Thames Valley
    /// Police", "OxLEP"), the full stop dropped.
    public static string InSentence(string text)
    {
        var words = text.TrimEnd('.', ' ').Split(' ');
        var first = words[0];
        var isName = first.Skip(1).Any(char.IsUpper) || (words.Length > 1 && words[1].Length > 0 && char.IsUpper(words[1][0]));
        return isName || first.Length == 0 ? string.Join(' ', words) : char.ToLowerInvariant(first[0]) + string.Join(' ', words)[1..];
    }

    private static readonly FrozenSet<string> IntroducingWords = FrozenSet.ToFrozenSet(
    [
        "are", "is", "were", "was", "be", "been", "include", "includes", "included", "including", "following", "follows",
        "below", "these", "as", "to", "of", "for", "with", "and", "or", "by", "e.g", "eg", "such", "like", "has", "have",
        "will", "on", "that", "which", "from", "into", "at", "in", "the", "a", "an", "our", "their", "its",
    ], StringComparer.Ordinal);
}
