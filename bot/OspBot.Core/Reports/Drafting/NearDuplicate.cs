namespace OspBot.Reports.Drafting;

/// Whether two items say the same thing: the same text once case and punctuation are ignored; one's content words
/// all within the other's (unless it is a short name the other mentions); most words shared (Jaccard); or the same named subject opening both with some of the
/// rest in common ("Making Every Contact Count (MECC) – this has been our task and finish project" and "The Making
/// Every Contact Count (MECC) task and finish workstream has progressed well"); or most of the shorter's words
/// (at least five) told again in the longer. Words like "follow-up" or "second"
/// on one side only mean a new event, not a re-report.
internal static class NearDuplicate
{
    public const double SimilarWords = 0.6;

    // Below this many content words a changed word changes the meaning ("Met in May" vs "Met in June").
    private const int MinWordsForNearMatch = 3;

    private const int SameOpeningWords = 5;

    private const int MostWordsAtLeast = 5;

    private const double MostWords = 0.7;

    /// Ids of words that mark a further occurrence; set by the merger for its word table.
    public static bool Same(ItemWords a, ItemWords b, IReadOnlySet<int> sequelWords)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Key.Length > 0 && a.Key == b.Key)
        {
            return true;
        }
        var (small, large) = a.Sorted.Length <= b.Sorted.Length ? (a, b) : (b, a);
        if (small.Sorted.Length < MinWordsForNearMatch)
        {
            return false;
        }
        var common = Common(a.Sorted, b.Sorted);
        if (OnlyOneSide(a.Sorted, b.Sorted, sequelWords))
        {
            return false;
        }
        // "Survey wave 3 completed" and "Survey wave 4 completed" are two events; "Over 80 organisations have signed
        // the Charter" and "Nearly 100 organisations have now signed the Charter" one fact brought up to date: with
        // different numbers, only a long run of other words in common makes them the same.
        if (a.Numbers.Length > 0 && b.Numbers.Length > 0 && !a.Numbers.SequenceEqual(b.Numbers)
            && common - Common(a.Numbers, b.Numbers) < MostWordsAtLeast)
        {
            return false;
        }
        // All of the shorter's words, when it is not just a name the longer mentions in passing.
        if (common == small.Sorted.Length && (small.Sorted.Length >= MostWordsAtLeast || 2 * small.Sorted.Length >= large.Sorted.Length))
        {
            return true;
        }
        var jaccard = (double)common / (a.Sorted.Length + b.Sorted.Length - common);
        if (jaccard >= SimilarWords)
        {
            return true;
        }
        // The shorter told again inside a longer account: most of its words, and enough of them to be specific.
        if (common >= MostWordsAtLeast && (double)common / small.Sorted.Length >= MostWords)
        {
            return true;
        }
        return OpeningWords(a.Sequence, b.Sequence) >= SameOpeningWords && (double)common / small.Sorted.Length >= 0.4;
    }

    /// Words in common between two ascending arrays.
    public static int Common(int[] a, int[] b)
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
        return common;
    }

    private static int OpeningWords(int[] a, int[] b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }
        return n;
    }

    private static bool OnlyOneSide(int[] a, int[] b, IReadOnlySet<int> sequelWords)
    {
        foreach (var w in sequelWords)
        {
            if (Array.BinarySearch(a, w) >= 0 != Array.BinarySearch(b, w) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
