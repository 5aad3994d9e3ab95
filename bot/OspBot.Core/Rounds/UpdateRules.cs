using System.Globalization;

namespace OspBot.Rounds;

/// The fields of an update that can carry an error.
public enum UpdateField
{
    Achievements,
    Plans,
    Challenges,
    Requests,
    Rag,
    RagReason,
    PlanReview,
}

/// One inline error; Position names the carry-forward item for PlanReview errors.
public sealed record FieldError(UpdateField Field, string Message, int? Position = null);

/// Limits and checks on an update's content. A draft may be incomplete but never over-long; a submission needs
/// sections 1-3 and a RAG status (with a reason when amber or red). Text is kept exactly as typed.
internal static class UpdateRules
{
    public const int MaxSectionLength = 4000;
    public const int MaxRagReasonLength = 200;
    public const int MaxNoteLength = 500;

    public static IReadOnlyList<FieldError> Check(UpdateContent content, int carryForwardCount, bool submitting)
    {
        var errors = new List<FieldError>();
        Section(errors, UpdateField.Achievements, "1. Achievements since last update", content.Achievements, submitting);
        Section(errors, UpdateField.Plans, "2. Plans for the next six months", content.Plans, submitting);
        Section(errors, UpdateField.Challenges, "3. Challenges and/or blocks to progress", content.Challenges, submitting);
        Section(errors, UpdateField.Requests, "4. Requests for OSP support", content.Requests, required: false);

        if (submitting && content.Rag is null)
        {
            errors.Add(new(UpdateField.Rag, "Choose an overall status: green, amber or red."));
        }
        if (content.RagReason is { } reason && (reason.Length > MaxRagReasonLength || reason.Contains('\n', StringComparison.Ordinal)))
        {
            errors.Add(new(UpdateField.RagReason, $"The reason must be one line of at most {MaxRagReasonLength} characters."));
        }
        else if (submitting && content.Rag is Rag.Amber or Rag.Red && string.IsNullOrWhiteSpace(content.RagReason))
        {
            errors.Add(new(UpdateField.RagReason, "Give a one-line reason for an amber or red status."));
        }

        foreach (var review in content.PlanReviews)
        {
            if (review.Position < 0 || review.Position >= carryForwardCount)
            {
                errors.Add(new(UpdateField.PlanReview, "This plan is no longer in the list.", review.Position));
            }
            else if (review.Note is { Length: > MaxNoteLength })
            {
                errors.Add(new(UpdateField.PlanReview, $"A note can be at most {MaxNoteLength} characters.", review.Position));
            }
        }
        return errors;
    }

    private static void Section(List<FieldError> errors, UpdateField field, string title, string? text, bool required)
    {
        if (text is { Length: > MaxSectionLength })
        {
            errors.Add(new(field, string.Create(CultureInfo.GetCultureInfo("en-GB"),
                $"{title} is {text.Length:N0} characters; the limit is {MaxSectionLength:N0}.")));
        }
        else if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, $"{title} is required to submit."));
        }
    }
}
