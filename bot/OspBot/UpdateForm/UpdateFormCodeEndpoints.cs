using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OspBot.Data;
using OspBot.Mail;
using OspBot.Outbox;
using static OspBot.UpdateForm.UpdateFormPage;

namespace OspBot.UpdateForm;

/// GET and POST /mail/update/{updateId}/code?t=…: with Mail:RequireCode, the step before the form. "Send me a code"
/// e-mails a six-digit code to the address the directory has for the link's person (straight through the mail
/// transport: it is a reply to their click, not a message to queue); typing it opens the form.
internal static class UpdateFormCodeEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{updateId:int}/code", Show);
        group.MapPost("/{updateId:int}/code", PostAsync);
    }

    private static IResult Show(int updateId, [FromQuery(Name = "t")] string? token, HttpContext http, UpdateFormLinks links,
        UpdateFormAccess access, IAntiforgery antiforgery) =>
        links.Verify(updateId, token) is null ? access.NotAvailable() : CodePage(http, antiforgery, challenge: null, error: null);

    private static async Task<IResult> PostAsync(
        int updateId, [FromQuery(Name = "t")] string? token, HttpContext http, UpdateFormLinks links, UpdateFormAccess access,
        UpdateFormSessions sessions, IAntiforgery antiforgery, OspDbContext db, IMailTransport transport, IOptions<MailOptions> options,
        ILogger<UpdateFormAccess> logger, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return access.NotAvailable(StatusCodes.Status400BadRequest);
        }
        if (links.Verify(updateId, token) is not { } person)
        {
            return access.Refusal(http, updateId, token);
        }
        var form = await http.Request.ReadFormAsync(ct);
        if (form["action"] == "verify")
        {
            var challenge = form["challenge"].ToString();
            if (!sessions.Matches(challenge, form["code"], updateId, person))
            {
                access.Audit(http, person, updateId, "typed a code", "wrong or expired");
                return CodePage(http, antiforgery, challenge, "That code is not right or has expired. Check the latest e-mail, or send a new code.");
            }
            access.Audit(http, person, updateId, "typed a code", "accepted");
            sessions.Start(http, updateId, person);
            return Results.Redirect($"{UpdateFormLinks.Path}/{updateId}{QueryString.Create("t", token!)}");
        }
        var to = await db.People.AsNoTracking().Where(p => p.Id == person && !p.IsVacant).Select(p => new { p.Name, p.Email }).SingleOrDefaultAsync(ct);
        if (to?.Email is null)
        {
            return access.NotAvailable();
        }
        var (code, sealedCode) = sessions.NewCode(updateId, person);
        var (html, text) = new MailWriter("Your code for the OSP update form")
            .Paragraph($"Dear {to.Name},")
            .Paragraph($"Your code is {code}. It works for {UpdateFormSessions.CodeLifetime.TotalMinutes:0} minutes.")
            .Paragraph($"If you did not ask for it, you can ignore this e-mail, or tell {options.Value.Contact}.")
            .Finish(options.Value.SenderName);
        var sent = await transport.SendAsync(new OutgoingMail(to.Name, to.Email, "Your code for the OSP update form", html, text), _ => Task.FromResult(true), ct);
        logger.UpdateFormCodeSent(person, updateId, sent.GetType().Name);
        return CodePage(http, antiforgery, sealedCode, sent is SendOutcome.Sent ? null : "The code could not be sent just now. Please try again in a few minutes.");
    }

    private static IResult CodePage(HttpContext http, IAntiforgery antiforgery, string? challenge, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var hidden = $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
        var page = Page("Confirm it is you", body =>
        {
            if (error is not null)
            {
                body.Append("<div class=\"error-summary\" role=\"alert\"><h2>There is a problem</h2><ul><li><a href=\"#code\">").Append(E(error)).Append("</a></li></ul></div>");
            }
            body.Append("<p>To open the update form, type the code we e-mail to the address we have for you.</p>");
            if (challenge is not null)
            {
                body.Append("<form method=\"post\">").Append(hidden).Append("<input type=\"hidden\" name=\"challenge\" value=\"").Append(E(challenge)).Append("\">")
                    .Append("<div class=\"field\"><label for=\"code\">Code from the e-mail</label><input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\"></div>")
                    .Append("<div class=\"buttons\"><button type=\"submit\" name=\"action\" value=\"verify\">Open the form</button></div></form>");
            }
            body.Append("<form method=\"post\">").Append(hidden).Append("<div class=\"buttons\"><button type=\"submit\" name=\"action\" value=\"send\" class=\"secondary\">")
                .Append(challenge is null ? "Send me a code" : "Send a new code").Append("</button></div></form>");
        });
        return Results.Content(page, "text/html; charset=utf-8");
    }
}
