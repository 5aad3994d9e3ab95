using System.Net;
using System.Text;

namespace OspBot.Mail;

/// The apologies page, server-rendered: plain HTML with labels, no script and no inline style (the CSP forbids both),
/// readable on a phone. Every value is HTML-encoded here.
internal static class ApologiesPage
{
    public const string Unavailable = "This link does not work";

    public static string Form(string title, string when, string groupName, string antiforgeryField, string antiforgeryToken, string? error) =>
        Page($"Apologies for {title}", body =>
        {
            if (error is not null)
            {
                body.Append("<div role=\"alert\"><h2>There is a problem</h2><p><a href=\"#note\">").Append(E(error)).Append("</a></p></div>");
            }
            body.Append("<p>").Append(E($"{groupName}: {title}, {when}.")).Append("</p>")
                .Append("<form method=\"post\">")
                .Append("<input type=\"hidden\" name=\"").Append(E(antiforgeryField)).Append("\" value=\"").Append(E(antiforgeryToken)).Append("\">")
                .Append("<p><label for=\"note\">A note for the secretariat (optional)</label><br>")
                .Append("<textarea id=\"note\" name=\"note\" rows=\"4\" cols=\"40\" maxlength=\"500\"></textarea></p>")
                .Append("<p><button type=\"submit\">Send apologies</button></p></form>");
        });

    public static string Done(string title) =>
        Page("Apologies sent", body => body.Append("<p>").Append(E($"Your apologies for {title} have been recorded and the secretariat can see them. You will get no more reminders for it.")).Append("</p>"));

    /// The same page for every link that does not work (forged, expired, someone else's, a meeting gone): no hint of which.
    public static string NotAvailable(string contact) =>
        Page(Unavailable, body => body.Append("<p>").Append(E($"The link may have expired or been copied incompletely. Please contact {contact}.")).Append("</p>"));

    private static string Page(string heading, Action<StringBuilder> body)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(E(heading))
            .Append(" – Oxford Strategic Partnership</title></head><body><main><h1>").Append(E(heading)).Append("</h1>");
        body(html);
        return html.Append("</main></body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
