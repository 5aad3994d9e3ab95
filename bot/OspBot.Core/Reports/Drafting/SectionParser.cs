using OspBot.Common;

namespace OspBot.Reports.Drafting;

/// Reads one section of an update into prose, lead-ins with their lists, themed lists and plain lists.
/// A short line ending with ':' or ';' (or with no end punctuation) before a list is a theme; a sentence that
/// introduces a list ("… have included:", "… are;") is a lead-in and stays prose; wrapped paragraphs are prose;
/// bullets and lines standing alone are list items.
internal static class SectionParser
{
    private const int MaxThemeWords = 14;

    public static IReadOnlyList<Segment> Parse(string? section)
    {
        var state = new State();
        var units = SourceLines.Read(section);
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            var next = i + 1 < units.Count ? units[i + 1] : null;
            if (u.IsBullet)
            {
                state.Item(u.Text);
            }
            else if (IntroducesList(u, next))
            {
                state.Introduce(u.Text, IsTheme(u.Text));
            }
            else if (IsProse(u))
            {
                state.Prose(u.Text);
            }
            else
            {
                // A line standing alone: an item of the list it follows, or of a list of its own.
                state.Item(u.Text, startsBlock: u.BlankBefore);
            }
        }
        return state.Segments;
    }

    private static bool IntroducesList(SourceUnit u, SourceUnit? next) =>
        next is not null && !IsProse(next) && (EndsWithLeadIn(u.Text) || (next.IsBullet && IsHeadingLike(u.Text)));

    private static bool IsTheme(string text) => IsHeadingLike(text) && !Wording.EndsWithIntroducingWord(text);

    /// One short phrase, not a sentence: a heading of the lead's own.
    internal static bool IsHeadingLike(string text) =>
        text.Any(char.IsLetterOrDigit) && Wording.Words(text) <= MaxThemeWords && Wording.Sentences(text) == 1 && text[^1] is not ('.' or '!' or '?');

    private static bool EndsWithLeadIn(string text) => text[^1] is ':' or ';';

    /// Wrapped over several lines, long, or several sentences: a paragraph, not a list item.
    private static bool IsProse(SourceUnit u)
    {
        var words = Wording.Words(u.Text);
        return !u.IsBullet && ((u.LineCount >= 2 && words >= 15) || words >= 35 || (Wording.Sentences(u.Text) >= 2 && words >= 20));
    }

    private sealed class State
    {
        private List<string>? _items;
        private Segment? _owner;

        public List<Segment> Segments { get; } = [];

        public void Item(string text, bool startsBlock = false)
        {
            // After a lead-in's list, a line set apart by a blank line starts a new list; under a theme it stays.
            if (_items is null || (startsBlock && _owner is LeadInSegment))
            {
                var list = new ListSegment([]);
                Segments.Add(list);
                (_items, _owner) = (list.Items, list);
            }
            _items.Add(Wording.TidyItem(text));
        }

        public void Prose(string text)
        {
            Segments.Add(new ProseSegment(text));
            (_items, _owner) = (null, null);
        }

        public void Introduce(string text, bool isTheme)
        {
            Segment segment = isTheme ? Theme(text) : new LeadInSegment(text, []);
            Segments.Add(segment);
            _owner = segment;
            _items = segment is ThemeSegment t ? t.Items : ((LeadInSegment)segment).Items;
        }

        /// A theme under a theme with no items of its own nests in it, as do the siblings that follow when they end
        /// differently from it ("Inclusive Employment:" over "Supporting Prison Leavers into Employment;").
        private ThemeSegment Theme(string text)
        {
            var terminator = text[^1] is ':' or ';' ? text[^1].ToString() : "";
            var title = Wording.ThemeTitle(text);
            var previousTheme = Segments.LastOrDefault() as ThemeSegment;
            IEnumerable<string> parent = previousTheme switch
            {
                { Items.Count: 0 } empty => empty.Path,
                { Path.Count: > 1 } sibling when sibling.Terminator == terminator => sibling.Path.Take(sibling.Path.Count - 1),
                _ => [],
            };
            return new ThemeSegment([.. parent, title], terminator, []);
        }
    }
}
