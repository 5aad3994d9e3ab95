using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OspBot.Common;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// The officer's notes on where each generated paragraph or item came from, as Word comments anchored on the
/// whole paragraph: they show in Word's review pane and go with "Delete all comments" before the paper is sent.
internal sealed class DocxComments
{
    private const string Author = "OspBot";
    private const string Initials = "OSP";

    private readonly Comments _comments = new();
    private int _next;

    public int Count => _next;

    /// Wraps the paragraph's content (after its properties) in a comment range holding <paramref name="text"/>.
    public void Anchor(Paragraph paragraph, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        var id = (_next++).ToString(CultureInfo.InvariantCulture);
        _comments.Append(new Comment(new Paragraph(new Run(new Text(PastedText.Clean(text)))))
        {
            Id = id,
            Author = Author,
            Initials = Initials,
        });
        var start = new CommentRangeStart { Id = id };
        if (paragraph.ParagraphProperties is { } properties)
        {
            properties.InsertAfterSelf(start);
        }
        else
        {
            paragraph.PrependChild(start);
        }
        paragraph.Append(new CommentRangeEnd { Id = id }, new Run(new CommentReference { Id = id }));
    }

    /// Adds the comments part when there is anything in it.
    public void AddTo(MainDocumentPart main)
    {
        if (_next > 0)
        {
            main.AddNewPart<WordprocessingCommentsPart>().Comments = _comments;
        }
    }
}
