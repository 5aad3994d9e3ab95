using System.Globalization;
using System.Text;

namespace OspBot.Members;

/// Finds sub-groups as people name them: "Stronger Communities", "stronger communities", "stronger", "ZCOP" is not
/// guessed, but the internal key "stronger-communities" still works. An exact name or key wins outright; otherwise
/// every group whose name or key has a word beginning with each typed word matches (so "communities" finds two).
internal static class GroupNames
{
    /// The groups <paramref name="typed"/> names, best first: one when it is clear, several when ambiguous, none
    /// when nothing fits or nothing was typed.
    public static IReadOnlyList<T> Match<T>(IEnumerable<T> groups, string typed, Func<T, string> key, Func<T, string> name)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(name);
        var words = Words(typed ?? "");
        if (words.Length == 0)
        {
            return [];
        }

        var all = groups.ToList();
        var phrase = string.Join(' ', words);
        var exact = all.Where(g => string.Join(' ', Words(name(g))) == phrase || string.Join(' ', Words(key(g))) == phrase).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        return [.. all.Where(g =>
        {
            var known = Words(name(g)).Concat(Words(key(g))).ToList();
            return words.All(w => known.Any(k => k.StartsWith(w, StringComparison.Ordinal)));
        })];
    }

    /// Lower-case words, punctuation and hyphens as spaces, accents kept: "Zero-Carbon Oxford" is "zero carbon oxford".
    private static string[] Words(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLower(c, CultureInfo.InvariantCulture) : ' ');
        }

        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
