using System.Net;
using System.Text;
using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.UpdateForm;

/// One state of the web form, as the page shows it: the update (what the person may do with it), the content in the
/// fields (as stored, or as just typed when it could not be saved), errors, and a notice at the top.
internal sealed record UpdateFormState(UpdateView View, UpdateContent Content)
{
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public string? Notice { get; init; }

    public required (string Name, string Value) Antiforgery { get; init; }
}

/// The update form, server-rendered: plain HTML, no script, the style sheet a file of its own (the CSP allows
/// nothing inline). The same content as the Teams card: the four sections with their limits and required marks, the
/// RAG status with its reason, last quarter's plans to mark. Every value is HTML-encoded here.
internal static class UpdateFormPage
{
    public const string Unavailable = "This link does not work";
    public const string StylePath = "/mail/form.css";

    public static string Form(UpdateFormState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var view = state.View;
        return Page($"{view.GroupName}: update for {view.QuarterLabel}", body =>
        {
            ErrorSummary(body, state.Errors);
            Notice(body, state.Notice);
            Facts(body, view);
            if (view.Permissions.CanEdit)
            {
                UpdateFormFields.Form(body, state);
            }
            else
            {
                UpdateFormFields.ReadOnly(body, view);
            }
        });
    }

    /// The same page for every link that does not work (forged, expired, someone else's, an update gone): no hint of which.
    public static string NotAvailable(string contact) =>
        Page(Unavailable, body => body.Append("<p>").Append(E($"The link may have expired or been copied incompletely. Please contact {contact}.")).Append("</p>"));

    public static string Page(string heading, Action<StringBuilder> body)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(E(heading))
            .Append(" – Oxford Strategic Partnership</title><link rel=\"stylesheet\" href=\"").Append(StylePath).Append("\"></head>")
            .Append("<body><header><p class=\"brand\">Oxford Strategic Partnership</p></header><main id=\"main\"><h1>").Append(E(heading)).Append("</h1>");
        body(html);
        return html.Append("</main></body></html>").ToString();
    }

    /// At the top, each error a link to its field (WCAG's error identification and suggestion).
    private static void ErrorSummary(StringBuilder body, IReadOnlyList<FieldError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }
        body.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\"><h2 id=\"error-summary-title\">There is a problem</h2><ul>");
        foreach (var error in errors)
        {
            body.Append("<li><a href=\"#").Append(UpdateFormFields.FieldId(error)).Append("\">").Append(E(error.Message)).Append("</a></li>");
        }
        body.Append("</ul></div>");
    }

    private static void Notice(StringBuilder body, string? notice)
    {
        if (notice is not null)
        {
            body.Append("<div class=\"notice\" role=\"status\"><p>").Append(E(notice)).Append("</p></div>");
        }
    }

    private static void Facts(StringBuilder body, UpdateView view)
    {
        body.Append("<dl class=\"facts\">")
            .Append("<dt>Deadline</dt><dd>").Append(E(London.Format(view.DeadlineAt) + " (London time)")).Append("</dd>")
            .Append("<dt>Status</dt><dd>").Append(E(Status(view))).Append("</dd>");
        if (view.LastEditedAt is { } at)
        {
            body.Append("<dt>Last saved</dt><dd>").Append(E($"{London.Format(at)} by {view.LastEditedBy}")).Append("</dd>");
        }
        body.Append("</dl>");
    }

    private static string Status(UpdateView view) => view.Status switch
    {
        UpdateStatus.NotStarted => "Not started",
        UpdateStatus.Draft => "Draft (not submitted)",
        UpdateStatus.AwaitingApproval => "Submitted, awaiting the chair's approval",
        _ when view.SubmittedAt is { } at => $"Submitted by {view.SubmittedBy} on {London.Format(at)}"
            + (view.HasUnsubmittedChanges ? "; later changes saved as a draft, not submitted" : ""),
        _ => "Submitted",
    } + (view.IsLate ? " (late)" : "");

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
