using Microsoft.Extensions.Options;
using OspBot.Mail;

namespace OspBot.UpdateForm;

/// Who a request to the form is from: the person the signed link names, and, when Mail:RequireCode is on, only once
/// they have typed the code sent to their address (a session cookie bound to the link's update and person). Also the
/// one page every link that does not work gets, and the audit line of every use.
internal sealed class UpdateFormAccess(UpdateFormLinks links, UpdateFormSessions sessions, IOptions<MailOptions> options, ILogger<UpdateFormAccess> logger)
{
    /// The link's person, if the link is genuine, unexpired and for this update (and the code was given, if asked for).
    public int? Person(HttpContext http, int updateId, string? token)
    {
        var person = links.Verify(updateId, token);
        return person is null || !options.Value.RequireCode || sessions.Has(http, updateId, person.Value) ? person : null;
    }

    /// A genuine link still without its code goes to the code page; anything else gets the page naming whom to contact.
    public IResult Refusal(HttpContext http, int updateId, string? token)
    {
        if (options.Value.RequireCode && links.Verify(updateId, token) is not null)
        {
            return Results.Redirect($"{UpdateFormLinks.Path}/{updateId}/code{QueryString.Create("t", token!)}");
        }
        Audit(http, null, updateId, "refused", "link not valid");
        return NotAvailable();
    }

    public IResult NotAvailable(int status = StatusCodes.Status404NotFound) =>
        Results.Content(UpdateFormPage.NotAvailable(options.Value.Contact), "text/html; charset=utf-8", statusCode: status);

    public void Audit(HttpContext http, int? person, int updateId, string action, string outcome) =>
        logger.UpdateFormUsed(person, updateId, action, outcome, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
