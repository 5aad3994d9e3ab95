using System.Net;
using System.Text.RegularExpressions;

namespace OspBot.Meetings;

/// Puts "label link" into an event's HTML body as its own paragraph: an earlier one with the same label is replaced,
/// so the body never collects stale links; everything else (the agenda, the Teams join details) is left as it was.
internal static partial class EventBodyLine
{
    public static string Set(string? content, bool isText, string label, Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var html = isText ? TextAsHtml(content ?? "") : content ?? "";
        var href = WebUtility.HtmlEncode(link.AbsoluteUri);
        var line = $"<p>{WebUtility.HtmlEncode(label)} <a href=\"{href}\">{href}</a></p>";
        // A paragraph whose text starts with the label, perhaps inside formatting Outlook added around it.
        var earlier = new Regex(@"<p\b[^>]*>\s*(?:<(?!/?p\b)[^>]*>\s*)*" + Regex.Escape(WebUtility.HtmlEncode(label)) + @".*?</p>",
            RegexOptions.IgnoreCase | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        if (earlier.IsMatch(html))
        {
            return earlier.Replace(html, line.Replace("$", "$$", StringComparison.Ordinal), 1);
        }
        var body = BodyTag().Match(html);
        return body.Success ? html.Insert(body.Index + body.Length, line) : line + html;
    }

    private static string TextAsHtml(string text) =>
        text.Length == 0 ? "" : $"<p>{WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>")}</p>";

    [GeneratedRegex(@"<body\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyTag();
}
