using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OspBot.Meetings;
using OspBot.Members;

namespace OspBot.Mail;

/// GET and POST /mail/apologies/{meetingId}?t=…: the apologies link of a meeting reminder e-mail. The token names the
/// person; the same MeetingChanges.SendApologiesAsync as the Teams card records them, so the secretariat sees them in
/// the meeting's apologies. Anti-forgery on the POST, rate-limited by IP and by token, a strict CSP, the same page for
/// every link that does not work, and each use logged (who, what, when, from which address).
internal static class ApologiesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApologyLinks.Path).RequireRateLimiting(MailLinkProtection.ApologiesPolicy).WithStrictHeaders();
        group.MapGet("/{meetingId:int}", ShowAsync);
        group.MapPost("/{meetingId:int}", SendAsync);
    }

    private static async Task<IResult> ShowAsync(
        int meetingId, [FromQuery(Name = "t")] string? token, HttpContext http, ApologyLinks links, MeetingReminders reminders,
        IAntiforgery antiforgery, IOptions<MailOptions> options, CancellationToken ct)
    {
        if (links.Verify(meetingId, token) is not { } personId || await reminders.ReminderViewAsync(meetingId, personId, ct) is not { } view)
        {
            return NotAvailable(options.Value.Contact);
        }
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Html(view.ApologiesSent ? ApologiesPage.Done(view.Title)
            : ApologiesPage.Form(view.Title, view.When, view.GroupName, tokens.FormFieldName, tokens.RequestToken!, null));
    }

    private static async Task<IResult> SendAsync(
        int meetingId, [FromQuery(Name = "t")] string? token, HttpContext http, IAntiforgery antiforgery,
        ApologyLinks links, MeetingReminders reminders, MeetingChanges changes, IOptions<MailOptions> options, ILogger<ApologyLinks> logger,
        CancellationToken ct)
    {
        // Checked here rather than by form binding, so a forged post gets a plain 400 and not an exception.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Content(ApologiesPage.NotAvailable(options.Value.Contact), "text/html; charset=utf-8", statusCode: 400);
        }
        var note = (await http.Request.ReadFormAsync(ct))["note"].ToString();
        if (links.Verify(meetingId, token) is not { } personId || await reminders.ReminderViewAsync(meetingId, personId, ct) is not { } view)
        {
            return NotAvailable(options.Value.Contact);
        }
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var result = await changes.SendApologiesAsync(Actor.FromPerson(personId), meetingId, trimmed, ct);
        logger.ApologiesByEmailLink(personId, meetingId, result.GetType().Name, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return result is MeetingResult<ApologyView>.Done ? Html(ApologiesPage.Done(view.Title)) : NotAvailable(options.Value.Contact);
    }

    private static IResult NotAvailable(string contact) => Results.Content(ApologiesPage.NotAvailable(contact), "text/html; charset=utf-8", statusCode: 404);

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");
}
