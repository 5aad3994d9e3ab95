namespace OspBot.Reports.Drafting;

internal static partial class ItemMerger
{
    /// The groups formed so far, found by an item's normalised text, its rarer words and its opening words.
    private sealed class Index
    {
        private const int WordingsCompared = 8;

        private readonly ItemWords[] _words;
        private readonly IReadOnlyList<string> _texts;
        private readonly int[] _documentFrequency;
        private readonly int _commonAbove;
        private readonly HashSet<int> _sequelWords;
        private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
        private readonly Dictionary<int, List<int>> _byWord = [];
        private readonly Dictionary<string, List<int>> _byOpening = new(StringComparer.Ordinal);
        private readonly List<int> _stamps = [];
        // Per group, members with distinct keys: comparing an item with two identical ones tells nothing new.
        private readonly List<List<int>> _distinct = [];

        public Index(ItemWords[] words, IReadOnlyList<string> texts, Dictionary<string, int> ids)
        {
            _words = words;
            _texts = texts;
            _documentFrequency = new int[ids.Count];
            foreach (var w in words)
            {
                foreach (var id in w.Sorted)
                {
                    _documentFrequency[id]++;
                }
            }
            _commonAbove = Math.Max(8, words.Length / 10);
            _sequelWords = [.. ItemWords.SequelStems.Where(ids.ContainsKey).Select(s => ids[s])];
        }

        public int Find(int item)
        {
            var w = _words[item];
            if (_byKey.TryGetValue(KeyOf(item), out var same))
            {
                return same;
            }
            var (best, bestScore) = (-1, -1.0);
            foreach (var c in Candidates(item))
            {
                // The group's latest few wordings: a re-report resembles how it was last put, and a group that
                // gathered many wordings must not make every later item compare with all of them.
                var members = _distinct[c];
                for (var k = Math.Max(0, members.Count - WordingsCompared); k < members.Count; k++)
                {
                    var m = members[k];
                    if (NearDuplicate.Same(w, _words[m], _sequelWords))
                    {
                        var common = NearDuplicate.Common(w.Sorted, _words[m].Sorted);
                        var score = (double)common / (w.Sorted.Length + _words[m].Sorted.Length - common);
                        if (score > bestScore)
                        {
                            (best, bestScore) = (c, score);
                        }
                    }
                }
            }
            return best;
        }

        public void Add(int item, int cluster)
        {
            while (_distinct.Count <= cluster)
            {
                _distinct.Add([]);
                _stamps.Add(-1);
            }
            if (_byKey.TryAdd(KeyOf(item), cluster))
            {
                _distinct[cluster].Add(item);
            }
            foreach (var id in Nominating(_words[item]))
            {
                var list = _byWord.TryGetValue(id, out var l) ? l : _byWord[id] = [];
                if (list.Count == 0 || list[^1] != cluster)
                {
                    list.Add(cluster);
                }
            }
            if (Opening(_words[item]) is { } opening)
            {
                var list = _byOpening.TryGetValue(opening, out var l) ? l : _byOpening[opening] = [];
                if (!list.Contains(cluster))
                {
                    list.Add(cluster);
                }
            }
        }

        private List<int> Candidates(int item)
        {
            var found = new List<int>();
            void Take(List<int>? clusters)
            {
                foreach (var c in clusters ?? [])
                {
                    if (_stamps[c] != item)
                    {
                        _stamps[c] = item;
                        found.Add(c);
                    }
                }
            }
            foreach (var id in Nominating(_words[item]))
            {
                Take(_byWord.GetValueOrDefault(id));
            }
            if (Opening(_words[item]) is { } opening)
            {
                Take(_byOpening.GetValueOrDefault(opening));
            }
            return found;
        }

        /// The words that find an item's candidates: those in at most a tenth of the items, or its two rarest.
        private IEnumerable<int> Nominating(ItemWords w)
        {
            var rare = w.Sorted.Where(id => _documentFrequency[id] <= _commonAbove).ToList();
            return rare.Count > 0 ? rare : w.Sorted.OrderBy(id => _documentFrequency[id]).Take(2);
        }

        private static string? Opening(ItemWords w) =>
            w.Sequence.Length >= 5 ? string.Join(',', w.Sequence[..5]) : null;

        // Text without letters or digits (only emoji, say) is compared as written.
        private string KeyOf(int item) => _words[item].Key is { Length: > 0 } k ? k : "\u0001" + _texts[item].Trim();
    }
}
