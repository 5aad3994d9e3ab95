using OspBot.Common;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// Collects sections and numbers paragraphs continuously through the whole report, as council reports do; a
/// sub-group's own report (<paramref name="numbered"/> false) leaves its paragraphs unnumbered, as 003 does.
internal sealed class ReportBuilder(bool numbered = true)
{
    private readonly List<ReportSection> _sections = [];
    private List<ReportBlock> _blocks = [];
    private int _number;

    public IReadOnlyList<ReportSection> Sections => _sections;

    public ReportBuilder Section(string heading, int level = 1, bool newPage = false, string? comment = null)
    {
        _blocks = [];
        _sections.Add(new ReportSection(heading, level, _blocks, newPage, comment));
        return this;
    }

    public ReportBuilder Numbered(string text, string? comment = null, bool keepWithNext = false)
    {
        var clean = PastedText.Clean(text);
        if (clean.Length > 0)
        {
            _blocks.Add(new ReportParagraph(clean, numbered ? ++_number : null, comment, keepWithNext));
        }
        return this;
    }

    public ReportBuilder Numbered(IEnumerable<string> paragraphs)
    {
        foreach (var p in paragraphs)
        {
            Numbered(p);
        }
        return this;
    }

    public ReportBuilder Plain(string text)
    {
        var clean = PastedText.Clean(text);
        if (clean.Length > 0)
        {
            _blocks.Add(new ReportParagraph(clean, null));
        }
        return this;
    }

    public ReportBuilder ListHeading(string text, int depth, string? comment)
    {
        _blocks.Add(new ReportListHeading(PastedText.Clean(text), depth, comment));
        return this;
    }

    public ReportBuilder Bullets(IEnumerable<ReportBullet> items)
    {
        List<ReportBullet> list = [.. items.Select(b => b with { Text = PastedText.Clean(b.Text) }).Where(b => b.Text.Length > 0)];
        if (list.Count > 0)
        {
            _blocks.Add(new ReportBulletList(list));
        }
        return this;
    }

    public ReportBuilder Bullets(IEnumerable<string> items) => Bullets(items.Select(i => new ReportBullet(i)));

    /// A numbered lead-in kept with its bullets, or the fallback sentence when there are none.
    public ReportBuilder List(string leadIn, IReadOnlyCollection<ReportBullet> items, string whenEmpty) =>
        items.Count == 0 ? Numbered(whenEmpty) : Numbered(leadIn, keepWithNext: true).Bullets(items);

    public ReportBuilder Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<int>? columnPercents = null)
    {
        _blocks.Add(new ReportTable(header, rows, columnPercents));
        return this;
    }
}
