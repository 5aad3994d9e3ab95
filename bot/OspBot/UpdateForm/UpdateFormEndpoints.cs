using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OspBot.Mail;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.UpdateForm;

/// GET and POST /mail/update/{updateId}?t=…: the quarterly update form an e-mail links to. The token names the person;
/// they act as themselves through the signed link (Actor.FromEmailLink), so the same UpdateEditor applies the same
/// rules as the Teams card (limits, required sections, the lock, late marking) and records the version "via e-mail".
/// Anti-forgery on every POST, rate-limited by IP and by link, a strict CSP, one page for every link that does not
/// work, only this person's own sub-group's update, and every use audited (who, what, when, from which address).
internal static class UpdateFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(UpdateFormLinks.Path).RequireRateLimiting(MailLinkProtection.UpdateFormPolicy).WithStrictHeaders();
        group.MapGet("/{updateId:int}", ShowAsync);
        group.MapPost("/{updateId:int}", SaveAsync);
        UpdateFormCodeEndpoints.Map(group);
    }

    private static async Task<IResult> ShowAsync(
        int updateId, [FromQuery(Name = "t")] string? token, [FromQuery(Name = "done")] string? done, HttpContext http,
        UpdateFormAccess access, UpdateEditor editor, IAntiforgery antiforgery, TimeProvider clock, CancellationToken ct)
    {
        if (access.Person(http, updateId, token) is not { } person)
        {
            return access.Refusal(http, updateId, token);
        }
        if (await editor.GetUpdateForEditingAsync(Actor.FromEmailLink(person), updateId, ct) is not Lookup<UpdateView>.Found { Value: var view })
        {
            return access.NotAvailable();
        }
        access.Audit(http, person, updateId, "opened", view.Status.ToString());
        return Page(new UpdateFormState(view, view.Content) { Notice = UpdateFormNotices.Opened(view, done, clock.GetUtcNow()), Antiforgery = Tokens(http, antiforgery) });
    }

    private static async Task<IResult> SaveAsync(
        int updateId, [FromQuery(Name = "t")] string? token, HttpContext http, UpdateFormAccess access, UpdateEditor editor,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        // Checked here rather than by form binding, so a forged post gets a plain 400 and not an exception.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            access.Audit(http, null, updateId, "post refused", "anti-forgery token missing or wrong");
            return access.NotAvailable(StatusCodes.Status400BadRequest);
        }
        if (access.Person(http, updateId, token) is not { } person)
        {
            return access.Refusal(http, updateId, token);
        }
        var actor = Actor.FromEmailLink(person);
        if (await editor.GetUpdateForEditingAsync(actor, updateId, ct) is not Lookup<UpdateView>.Found { Value: var before })
        {
            return access.NotAvailable();
        }
        var input = UpdateFormInput.Read(await http.Request.ReadFormAsync(ct), before.CarryForward.Count);
        // Shown again rather than saved: what was typed stays in the fields, whatever the reason.
        IResult Again(UpdateView view, UpdateContent content, int status, string? notice = null, IReadOnlyList<FieldError>? errors = null) =>
            Page(new UpdateFormState(view, content) { Errors = errors ?? [], Notice = notice, Antiforgery = Tokens(http, antiforgery) }, status);
        if (input.Errors.Count > 0)
        {
            return Again(before, input.Patch.ApplyTo(before.Content, before.CarryForward.Count), StatusCodes.Status422UnprocessableEntity, errors: input.Errors);
        }
        var result = input.Action switch
        {
            UpdateFormInput.Submit => await editor.SubmitAsync(actor, updateId, input.Patch, input.Revision, ct),
            UpdateFormInput.Approve => await editor.ApproveAsync(actor, updateId, input.Patch, input.Revision, ct),
            _ => await editor.SaveDraftAsync(actor, updateId, input.Patch, input.Revision, ct),
        };
        access.Audit(http, person, updateId, input.Action, result.GetType().Name);
        return result switch
        {
            UpdateResult.Saved => Results.Redirect($"{http.Request.Path}{QueryString.Create("t", token!).Add("done", input.Action)}"),
            UpdateResult.Invalid i => Again(i.View, i.Entered, StatusCodes.Status422UnprocessableEntity, UpdateFormNotices.Invalid(i), i.Errors),
            UpdateResult.Stale s => Again(s.Current, input.Patch.ApplyTo(s.Current.Content, s.Current.CarryForward.Count),
                StatusCodes.Status409Conflict, UpdateFormNotices.Stale(s.Current)),
            UpdateResult.Refused { Current: { } current } r => Again(current, current.Content, StatusCodes.Status409Conflict, r.Refusal.Message),
            _ => access.NotAvailable(),
        };
    }

    private static (string, string) Tokens(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return (tokens.FormFieldName, tokens.RequestToken!);
    }

    private static IResult Page(UpdateFormState state, int status = StatusCodes.Status200OK) =>
        Results.Content(UpdateFormPage.Form(state), "text/html; charset=utf-8", statusCode: status);
}
