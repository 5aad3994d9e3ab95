using System.Net;
using System.Text;

namespace OspBot.Mail;

/// Writes one e-mail's two bodies side by side: plain, accessible HTML (a heading, paragraphs, a list, a link whose
/// text says where it goes; no images, no tracking, no styles beyond the user agent's) and the same words as text.
/// Every value is HTML-encoded here, so what partners typed can never become markup.
internal sealed class MailWriter
{
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();

    public MailWriter(string heading)
    {
        _html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(heading)).Append("</title></head><body><h1>").Append(Encode(heading)).Append("</h1>");
        _text.AppendLine(heading).AppendLine(new string('=', heading.Length)).AppendLine();
    }

    public MailWriter Paragraph(string text)
    {
        _html.Append("<p>").Append(Encode(text)).Append("</p>");
        _text.AppendLine(text).AppendLine();
        return this;
    }

    public MailWriter List(IEnumerable<(string Label, string Value)> items)
    {
        _html.Append("<ul>");
        foreach (var (label, value) in items)
        {
            _html.Append("<li><strong>").Append(Encode(label)).Append(":</strong> ").Append(Encode(value)).Append("</li>");
            _text.Append("- ").Append(label).Append(": ").AppendLine(value);
        }
        _html.Append("</ul>");
        _text.AppendLine();
        return this;
    }

    /// A link on its own line; the text form shows the address after the words.
    public MailWriter Link(string text, Uri href)
    {
        ArgumentNullException.ThrowIfNull(href);
        _html.Append("<p><a href=\"").Append(Encode(href.AbsoluteUri)).Append("\">").Append(Encode(text)).Append("</a></p>");
        _text.Append(text).Append(": ").AppendLine(href.AbsoluteUri).AppendLine();
        return this;
    }

    public (string Html, string Text) Finish(string signOff)
    {
        _html.Append("<p>").Append(Encode(signOff)).Append("</p></body></html>");
        _text.AppendLine(signOff);
        return (_html.ToString(), _text.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
