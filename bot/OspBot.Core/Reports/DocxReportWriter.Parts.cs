using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OspBot.Reports;

/// The pieces the drafted report added to the writer: comments on paragraphs, themes over lists, column shares.
internal static partial class DocxReportWriter
{
    private static Paragraph Commented(Paragraph paragraph, string? comment, DocxComments comments)
    {
        comments.Anchor(paragraph, comment);
        return paragraph;
    }

    private static Paragraph ListHeading(ReportListHeading heading)
    {
        var p = Paragraph(DocxStyles.ListHeading, heading.Text);
        if (heading.Depth > 0)
        {
            var indent = (567 * (heading.Depth + 1)).ToString(CultureInfo.InvariantCulture);
            p.ParagraphProperties!.Append(new Indentation { Left = indent });
        }
        return p;
    }

    /// Column widths in twentieths of a point: the table's percentages of the text width, or equal shares.
    private static int[] Widths(ReportTable t)
    {
        var percents = t.ColumnPercents ?? [.. Enumerable.Repeat(100 / t.Header.Count, t.Header.Count)];
        var widths = percents.Select(p => TextWidth * p / 100).ToArray();
        widths[^1] = TextWidth - widths[..^1].Sum();
        return widths;
    }
}
