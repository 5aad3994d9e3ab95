using OspBot.Common;

namespace OspBot.Rounds;

/// What a card sent back for an update: only the inputs it carried. The editor applies it to the update as it loads
/// it, so the handler never reads the update first. A section absent from Texts keeps its stored text; a section in
/// Kept keeps it also when it arrives empty (the card could not show it in full); a plan's verdict or note absent
/// from Outcomes or Notes keeps the stored one.
public sealed record UpdatePatch
{
    /// Sections 1-4 and the RAG reason that the card sent, blank ones as null.
    public IReadOnlyDictionary<UpdateField, string?> Texts { get; init; } = new Dictionary<UpdateField, string?>();

    public IReadOnlySet<UpdateField> Kept { get; init; } = new HashSet<UpdateField>();

    public bool HasRag { get; init; }

    public Rag? Rag { get; init; }

    /// Verdicts on last quarter's plans, by position.
    public IReadOnlyDictionary<int, PlanStatus?> Outcomes { get; init; } = new Dictionary<int, PlanStatus?>();

    public IReadOnlyDictionary<int, string?> Notes { get; init; } = new Dictionary<int, string?>();

    /// A patch that replaces everything with this content.
    public static UpdatePatch Replacing(UpdateContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new()
        {
            Texts = new Dictionary<UpdateField, string?>
            {
                [UpdateField.Achievements] = content.Achievements,
                [UpdateField.Plans] = content.Plans,
                [UpdateField.Challenges] = content.Challenges,
                [UpdateField.Requests] = content.Requests,
                [UpdateField.RagReason] = content.RagReason,
            },
            HasRag = true,
            Rag = content.Rag,
            Outcomes = content.PlanReviews.ToDictionary(r => r.Position, r => r.Status),
            Notes = content.PlanReviews.ToDictionary(r => r.Position, r => r.Note),
        };
    }

    /// The stored content with this patch applied; one verdict per carried-forward plan (and any the patch names
    /// beyond them, which the rules then refuse).
    internal UpdateContent ApplyTo(UpdateContent stored, int carryForwardCount)
    {
        var reviews = stored.PlanReviews.ToDictionary(r => r.Position);
        var positions = Enumerable.Range(0, carryForwardCount).Union(Outcomes.Keys).Union(Notes.Keys).Order();
        return new UpdateContent
        {
            Achievements = Text(UpdateField.Achievements, stored.Achievements),
            Plans = Text(UpdateField.Plans, stored.Plans),
            Challenges = Text(UpdateField.Challenges, stored.Challenges),
            Requests = Text(UpdateField.Requests, stored.Requests),
            Rag = HasRag ? Rag : stored.Rag,
            RagReason = Text(UpdateField.RagReason, stored.RagReason),
            PlanReviews = [.. positions.Select(p => new PlanReviewInput(
                p,
                Outcomes.TryGetValue(p, out var status) ? status : reviews.GetValueOrDefault(p)?.Status,
                Notes.TryGetValue(p, out var note) ? note : reviews.GetValueOrDefault(p)?.Note))],
        };
    }

    // What was sent is stored as typed, save for Word's and OCR's bullets (PastedText.NormaliseBullets).
    private string? Text(UpdateField field, string? stored) =>
        !Texts.TryGetValue(field, out var sent) ? stored
        : sent is null && Kept.Contains(field) ? stored
        : PastedText.NormaliseBullets(sent);
}
