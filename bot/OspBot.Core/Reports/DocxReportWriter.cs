using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OspBot.Reports;

/// Writes a <see cref="ReportModel"/> as a Word document: styled headings, Word-numbered paragraphs and bullets,
/// and real tables. Every piece of text goes in through Text elements, so nothing in it is read as markup.
internal static partial class DocxReportWriter
{
    // A4 with 2 cm margins, in twentieths of a point.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;
    private const int TextWidth = PageWidth - (2 * Margin);

    /// Writes the document to <paramref name="output"/>, which need not be seekable (it is built in memory first).
    public static void Write(ReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = model.Title;
            doc.PackageProperties.Creator = "OspBot";
            var main = doc.AddMainDocumentPart();
            DocxStyles.AddTo(main);
            var comments = new DocxComments();
            main.Document = new Document(Body(model, comments));
            comments.AddTo(main);
            main.Document.Save();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Body Body(ReportModel model, DocxComments comments)
    {
        var body = new Body(Paragraph(DocxStyles.Title, model.Title));
        if (model.Cover.Count > 0)
        {
            body.Append(CoverTable(model));
        }
        foreach (var section in model.Sections)
        {
            var heading = Paragraph(section.Level == 1 ? DocxStyles.Heading1 : DocxStyles.Heading2, section.Heading);
            if (section.NewPage)
            {
                heading.ParagraphProperties!.Append(new PageBreakBefore());
            }
            comments.Anchor(heading, section.Comment);
            body.Append(heading);
            foreach (var block in section.Blocks)
            {
                body.Append(Blocks(block, comments));
            }
        }
        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 709, Footer = 709, Gutter = 0 }));
        return body;
    }

    private static IEnumerable<OpenXmlElement> Blocks(ReportBlock block, DocxComments comments) => block switch
    {
        ReportParagraph { Number: null } p => [Commented(Paragraph(null, p.Text), p.Comment, comments)],
        ReportParagraph p => [Commented(Listed(DocxStyles.NumberedParagraph, DocxStyles.ParagraphNumbering, p.Text, p.KeepWithNext), p.Comment, comments)],
        ReportListHeading h => [Commented(ListHeading(h), h.Comment, comments)],
        ReportBulletList list => list.Items.Select((i, n) =>
            Commented(Listed(DocxStyles.ListBullet, DocxStyles.BulletNumbering, i.Text, keepWithNext: false, endsList: n == list.Items.Count - 1), i.Comment, comments)),
        ReportTable t => [Table(Widths(t), t.Header, t.Rows)],
        _ => throw new NotSupportedException(block.GetType().Name),
    };

    private static Paragraph Listed(string style, int numId, string text, bool keepWithNext, bool endsList = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (keepWithNext)
        {
            // A lead-in stays on the page of its list's first item, and is never split itself.
            properties.Append(new KeepNext(), new KeepLines());
        }
        properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId }));
        if (endsList)
        {
            // Bullets sit close together; the list as a whole is spaced from what follows like any paragraph.
            properties.Append(new SpacingBetweenLines { After = "120" });
        }
        var p = new Paragraph(properties);
        p.Append(Run(text));
        return p;
    }

    private static Paragraph Paragraph(string? style, string text, RunProperties? run = null)
    {
        var p = new Paragraph(style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(Run(text, run));
        return p;
    }

    /// One run; each "\n" becomes a Break so line breaks inside an item survive.
    private static Run Run(string text, RunProperties? properties = null)
    {
        var run = properties is null ? new Run() : new Run(properties);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(Text(lines[i]));
        }
        return run;
    }

    private static Text Text(string line)
    {
        var text = new Text(line);
        if (line.Length > 0 && (char.IsWhiteSpace(line[0]) || char.IsWhiteSpace(line[^1]) || line.Contains("  ", StringComparison.Ordinal)))
        {
            text.Space = SpaceProcessingModeValues.Preserve;
        }
        return text;
    }

    private static Table CoverTable(ReportModel model)
    {
        var widths = new[] { TextWidth * 35 / 100, TextWidth - (TextWidth * 35 / 100) };
        var table = NewTable(widths);
        table.Append(new TableRow(
            new TableRowProperties(new TableHeader()),
            Cell(widths[0] + widths[1], [model.CoverHeading], header: true, span: 2)));
        foreach (var row in model.Cover)
        {
            table.Append(new TableRow(Cell(widths[0], [row.Label], header: true), Cell(widths[1], row.Lines)));
        }
        return table;
    }

    private static Table Table(int[] widths, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = NewTable(widths);
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        head.Append(header.Select((h, i) => Cell(widths[i], [h], header: true)));
        table.Append(head);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Take(widths.Length).Select((c, i) => Cell(widths[i], [c]))));
        }
        return table;
    }

    private static Table NewTable(int[] widths) => new(
        new TableProperties(
            new TableStyle { Val = DocxStyles.TableGrid },
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" }),
            new TableLayout { Type = TableLayoutValues.Fixed }),
        new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

    private static TableCell Cell(int width, IReadOnlyList<string> lines, bool header = false, int span = 1)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            props.Append(new GridSpan { Val = span });
        }
        if (header)
        {
            props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7E6E6" });
        }
        var cell = new TableCell(props);
        foreach (var line in lines.Count == 0 ? [""] : lines)
        {
            cell.Append(Paragraph(null, line, header ? new RunProperties(new Bold()) : null));
        }
        return cell;
    }
}
