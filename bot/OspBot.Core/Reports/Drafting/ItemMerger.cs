namespace OspBot.Reports.Drafting;

/// Items that say the same thing: <see cref="Members"/> are indices into the merged list (ascending), and
/// <see cref="Representative"/> is the member whose wording the report keeps.
internal sealed record ItemCluster(IReadOnlyList<int> Members, int Representative);

/// Groups items repeated across quarters (see <see cref="NearDuplicate"/>). Items come in the order they were
/// written, oldest first. Each item is compared only with the groups that share one of its rarer words (an
/// inverted index; words in more than a tenth of the items nominate no one) or its opening words, so a year
/// or ten of updates is not compared pair by pair.
internal static partial class ItemMerger
{
    /// <paramref name="canRepresent"/> says which items may lend their wording (all by default); a group with none
    /// has -1 as its representative.
    public static IReadOnlyList<ItemCluster> Cluster(IReadOnlyList<string> texts, Func<int, bool>? canRepresent = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = texts.Select(t => ItemWords.Of(t, ids)).ToArray();
        var index = new Index(words, texts, ids);
        var clusters = new List<List<int>>();
        for (var i = 0; i < words.Length; i++)
        {
            var target = index.Find(i);
            if (target < 0)
            {
                target = clusters.Count;
                clusters.Add([]);
            }
            clusters[target].Add(i);
            index.Add(i, target);
        }
        return [.. clusters.Select(c => new ItemCluster(c, Representative(c, words, texts, canRepresent ?? (_ => true))))];
    }

    /// The latest wording, unless an earlier one says all it says and more: the fullest wording with the latest fact.
    private static int Representative(List<int> members, ItemWords[] words, IReadOnlyList<string> texts, Func<int, bool> canRepresent)
    {
        var eligible = members.Where(canRepresent).ToList();
        if (eligible.Count == 0)
        {
            return -1;
        }
        var latest = eligible[^1];
        var fuller = eligible.Where(m => texts[m].Length > texts[latest].Length
                && NearDuplicate.Common(words[m].Sorted, words[latest].Sorted) == words[latest].Sorted.Length)
            .OrderByDescending(m => texts[m].Length).ThenByDescending(m => m).FirstOrDefault(-1);
        return fuller >= 0 ? fuller : latest;
    }
}
