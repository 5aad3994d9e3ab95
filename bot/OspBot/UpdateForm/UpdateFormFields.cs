using System.Globalization;
using System.Text;
using OspBot.Cards.Rounds;
using OspBot.Rounds;
using static OspBot.UpdateForm.UpdateFormPage;
using Rag = OspBot.Rounds.Rag;
using UpdateView = OspBot.Rounds.UpdateView;

namespace OspBot.UpdateForm;

/// The form's fields in the template's order, each with its label, its limit as a hint and its error beside it
/// (tied by aria-describedby), then the buttons; or the same content read-only once the update is locked.
internal static class UpdateFormFields
{
    private static readonly UpdateField[] SectionFields = [UpdateField.Achievements, UpdateField.Plans, UpdateField.Challenges, UpdateField.Requests];

    public static string FieldId(FieldError error) => error switch
    {
        { Field: UpdateField.Rag } => "rag-green",
        { Field: UpdateField.PlanReview, Position: { } p } => UpdateFormInput.StatusName(p) + "-done",
        _ => UpdateFormInput.Names[error.Field],
    };

    public static void Form(StringBuilder body, UpdateFormState state)
    {
        var (view, content) = (state.View, state.Content);
        body.Append("<form method=\"post\" novalidate>")
            .Append("<input type=\"hidden\" name=\"").Append(E(state.Antiforgery.Name)).Append("\" value=\"").Append(E(state.Antiforgery.Value)).Append("\">")
            .Append("<input type=\"hidden\" name=\"revision\" value=\"").Append(view.Revision.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append("<p>Sections 1 to 3 and the overall status are needed to submit; a draft can be saved at any point.</p>");
        foreach (var (section, field) in UpdateTemplate.Sections.Zip(SectionFields))
        {
            var error = state.Errors.FirstOrDefault(e => e.Field == field);
            var text = field switch
            {
                UpdateField.Achievements => content.Achievements,
                UpdateField.Plans => content.Plans,
                UpdateField.Challenges => content.Challenges,
                _ => content.Requests,
            };
            Field(body, section.InputId, section.IsRequired ? section.Label + " (required)" : section.Label,
                $"Up to {UpdateRules.MaxSectionLength:N0} characters.", error, b =>
                b.Append("<textarea id=\"").Append(section.InputId).Append("\" name=\"").Append(section.InputId).Append("\" rows=\"8\"")
                    .Append(Described(section.InputId, error)).Append('>').Append(E(text)).Append("</textarea>"));
        }
        RagFields(body, content, state.Errors);
        PlanReviews(body, view, content, state.Errors);
        Buttons(body, view);
        body.Append("</form>");
    }

    private static void RagFields(StringBuilder body, UpdateContent content, IReadOnlyList<FieldError> errors)
    {
        var ragError = errors.FirstOrDefault(e => e.Field == UpdateField.Rag);
        body.Append("<fieldset class=\"field").Append(ragError is null ? "" : " field-error").Append('"')
            .Append(ragError is null ? "" : " aria-describedby=\"rag-error\"").Append("><legend>Overall status (RAG) (required)</legend>");
        ErrorText(body, "rag", ragError);
        foreach (var rag in Enum.GetValues<Rag>())
        {
            var id = "rag-" + rag.ToString().ToLowerInvariant();
            body.Append("<div class=\"choice\"><input type=\"radio\" id=\"").Append(id).Append("\" name=\"").Append(UpdateInputs.Rag)
                .Append("\" value=\"").Append(rag.ToString().ToLowerInvariant()).Append('"').Append(content.Rag == rag ? " checked" : "")
                .Append("><label for=\"").Append(id).Append("\">").Append(rag).Append("</label></div>");
        }
        body.Append("</fieldset>");
        var reasonError = errors.FirstOrDefault(e => e.Field == UpdateField.RagReason);
        Field(body, UpdateInputs.RagReason, "Why this status? (one line; needed for amber or red)",
            $"Up to {UpdateRules.MaxRagReasonLength} characters.", reasonError, b =>
            b.Append("<input type=\"text\" id=\"").Append(UpdateInputs.RagReason).Append("\" name=\"").Append(UpdateInputs.RagReason)
                .Append("\" value=\"").Append(E(content.RagReason)).Append('"').Append(Described(UpdateInputs.RagReason, reasonError)).Append('>'));
    }

    private static void PlanReviews(StringBuilder body, UpdateView view, UpdateContent content, IReadOnlyList<FieldError> errors)
    {
        if (view.CarryForward.Count == 0)
        {
            return;
        }
        body.Append("<h2>Last quarter's plans</h2><p>Mark each plan from your last update.</p>");
        foreach (var item in view.CarryForward)
        {
            var review = content.PlanReviews.FirstOrDefault(r => r.Position == item.Position);
            var error = errors.FirstOrDefault(e => e.Field == UpdateField.PlanReview && e.Position == item.Position);
            var name = UpdateFormInput.StatusName(item.Position);
            body.Append("<fieldset class=\"field plan").Append(error is null ? "" : " field-error").Append("\"><legend>").Append(E(item.Text)).Append("</legend>");
            ErrorText(body, name, error);
            foreach (var (value, status) in UpdateFormInput.Verdicts)
            {
                body.Append("<div class=\"choice\"><input type=\"radio\" id=\"").Append(name).Append('-').Append(value).Append("\" name=\"").Append(name)
                    .Append("\" value=\"").Append(value).Append('"').Append(review?.Status == status ? " checked" : "")
                    .Append("><label for=\"").Append(name).Append('-').Append(value).Append("\">").Append(E(Label(status))).Append("</label></div>");
            }
            var note = UpdateFormInput.NoteName(item.Position);
            body.Append("<label for=\"").Append(note).Append("\">Note (optional)</label><input type=\"text\" id=\"").Append(note).Append("\" name=\"").Append(note)
                .Append("\" value=\"").Append(E(review?.Note)).Append("\"></fieldset>");
        }
    }

    private static void Buttons(StringBuilder body, UpdateView view)
    {
        body.Append("<div class=\"buttons\"><button type=\"submit\" name=\"action\" value=\"").Append(UpdateFormInput.Draft).Append("\" class=\"secondary\">Save draft</button>");
        if (view.Permissions.CanSubmit)
        {
            var title = view.RequiresChairApproval && !view.Permissions.CanApprove && view.Status != UpdateStatus.Submitted ? "Submit for approval" : "Submit";
            body.Append("<button type=\"submit\" name=\"action\" value=\"").Append(UpdateFormInput.Submit).Append("\">").Append(title).Append("</button>");
        }
        if (view.Permissions.CanApprove)
        {
            body.Append("<button type=\"submit\" name=\"action\" value=\"").Append(UpdateFormInput.Approve).Append("\">Approve</button>");
        }
        body.Append("</div>");
        body.Append("<p class=\"hint\">").Append(E(view.Permissions.CanSubmit
            ? "You can change it and submit again until the deadline; the new submission replaces the old one."
            : "As a deputy you can save drafts; the chair or lead submits.")).Append("</p>");
    }

    /// Locked (or not this person's to change): the content as text, nothing to press.
    public static void ReadOnly(StringBuilder body, UpdateView view)
    {
        foreach (var (section, field) in UpdateTemplate.Sections.Zip(SectionFields))
        {
            var text = field switch
            {
                UpdateField.Achievements => view.Content.Achievements,
                UpdateField.Plans => view.Content.Plans,
                UpdateField.Challenges => view.Content.Challenges,
                _ => view.Content.Requests,
            };
            body.Append("<h2>").Append(E(section.Label)).Append("</h2><p class=\"text\">").Append(E(string.IsNullOrWhiteSpace(text) ? "(nothing written)" : text)).Append("</p>");
        }
        body.Append("<h2>Overall status</h2><p>").Append(E(view.Content.Rag?.ToString() ?? "Not chosen"))
            .Append(E(view.Content.RagReason is { } reason ? $": {reason}" : "")).Append("</p>");
    }

    private static void Field(StringBuilder body, string id, string label, string hint, FieldError? error, Action<StringBuilder> input)
    {
        body.Append("<div class=\"field").Append(error is null ? "" : " field-error").Append("\"><label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>")
            .Append("<p class=\"hint\" id=\"").Append(id).Append("-hint\">").Append(E(hint)).Append("</p>");
        ErrorText(body, id, error);
        input(body);
        body.Append("</div>");
    }

    private static void ErrorText(StringBuilder body, string id, FieldError? error)
    {
        if (error is not null)
        {
            body.Append("<p class=\"error\" id=\"").Append(id).Append("-error\"><span class=\"visually-hidden\">Error: </span>").Append(E(error.Message)).Append("</p>");
        }
    }

    private static string Described(string id, FieldError? error) =>
        $" aria-describedby=\"{id}-hint{(error is null ? "" : $" {id}-error")}\"" + (error is null ? "" : " aria-invalid=\"true\"");

    private static string Label(PlanStatus status) => status == PlanStatus.InProgress ? "In progress" : status.ToString();
}
