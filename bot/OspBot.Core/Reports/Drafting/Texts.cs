namespace OspBot.Reports.Drafting;

/// Comparisons of two single texts by the merger's rules.
internal static class Texts
{
    public static bool Same(string a, string b)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var (x, y) = (ItemWords.Of(a, ids), ItemWords.Of(b, ids));
        return NearDuplicate.Same(x, y, ItemWords.SequelStems.Where(ids.ContainsKey).Select(s => ids[s]).ToHashSet());
    }
}
