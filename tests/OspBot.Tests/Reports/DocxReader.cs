using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using OspBot.Reports;

namespace OspBot.Tests.Reports;

/// A body paragraph as Word stores it: style, list (numbering id) and text with breaks read back as "\n".
internal sealed record DocParagraph(string? Style, int? NumId, int? Level, string Text);

/// A Word comment: its id and text.
internal sealed record DocComment(string Id, string Text);

/// Reads a written report back with the Open XML SDK, independent of the writer's code.
internal sealed class DocxReader : IDisposable
{
    private readonly MemoryStream _bytes;

    public WordprocessingDocument Document { get; }

    public DocxReader(ReportModel model)
    {
        _bytes = new MemoryStream();
        DocxReportWriter.Write(model, _bytes);
        _bytes.Position = 0;
        Document = WordprocessingDocument.Open(_bytes, false);
    }

    /// A document as it was stored (a compilation's .docx).
    public DocxReader(byte[] docx)
    {
        _bytes = new MemoryStream(docx);
        Document = WordprocessingDocument.Open(_bytes, false);
    }

    public byte[] Bytes => _bytes.ToArray();

    public Body Body => Document.MainDocumentPart!.Document.Body!;

    public List<DocParagraph> Paragraphs() => [.. Body.Elements<Paragraph>().Select(Read)];

    public List<string> Headings(string style) => [.. Paragraphs().Where(p => p.Style == style).Select(p => p.Text)];

    public List<Table> Tables() => [.. Body.Elements<Table>()];

    public static List<List<string>> Rows(Table table) =>
        [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(Text))).ToList())];

    public string AllText() => string.Join("\n", Body.Descendants<Paragraph>().Select(Text));

    public List<DocComment> Comments() =>
        [.. Document.MainDocumentPart!.WordprocessingCommentsPart?.Comments?.Elements<Comment>()
            .Select(c => new DocComment(c.Id!.Value!, string.Join("\n", c.Elements<Paragraph>().Select(Text)))) ?? []];

    /// Each body paragraph with the texts of the comments whose ranges start in it.
    public List<(DocParagraph Paragraph, List<string> Comments)> CommentedParagraphs()
    {
        var comments = Comments().ToDictionary(c => c.Id, c => c.Text);
        return [.. Body.Elements<Paragraph>().Select(p => (Read(p),
            p.Descendants<CommentRangeStart>().Select(s => comments[s.Id!.Value!]).ToList()))];
    }

    public List<string> ValidationErrors() =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(Document)
            .Select(e => $"{e.Description} at {e.Path?.XPath} ({e.Part?.Uri})")];

    public static DocParagraph Read(Paragraph p)
    {
        var num = p.ParagraphProperties?.NumberingProperties;
        return new DocParagraph(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, num?.NumberingId?.Val?.Value,
            num?.NumberingLevelReference?.Val?.Value, Text(p));
    }

    public static string Text(Paragraph p) => string.Concat(p.Descendants().Select(e => e switch
    {
        Text t => t.Text,
        Break => "\n",
        TabChar => "\t",
        _ => "",
    }));

    public void Dispose()
    {
        Document.Dispose();
        _bytes.Dispose();
    }
}
