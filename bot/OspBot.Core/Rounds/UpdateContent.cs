namespace OspBot.Rounds;

/// What a card sends back: the four sections of the template, the overall status, and the verdicts on last
/// quarter's plans (by their position in <see cref="UpdateView.CarryForward"/>; the item text is not echoed).
public sealed record UpdateContent
{
    public string? Achievements { get; init; }

    public string? Plans { get; init; }

    public string? Challenges { get; init; }

    public string? Requests { get; init; }

    public Rag? Rag { get; init; }

    public string? RagReason { get; init; }

    public IReadOnlyList<PlanReviewInput> PlanReviews { get; init; } = [];

    /// Same text, status and verdicts: a double click, not a change.
    internal bool SameAs(UpdateContent other) =>
        Achievements == other.Achievements && Plans == other.Plans && Challenges == other.Challenges
        && Requests == other.Requests && Rag == other.Rag && RagReason == other.RagReason
        && Normalise(PlanReviews).SequenceEqual(Normalise(other.PlanReviews));

    private static IEnumerable<PlanReviewInput> Normalise(IEnumerable<PlanReviewInput> reviews) =>
        reviews.Where(r => r.Status is not null || !string.IsNullOrEmpty(r.Note)).OrderBy(r => r.Position);

    internal static UpdateContent From(UpdateVersion v) => new()
    {
        Achievements = v.Achievements,
        Plans = v.Plans,
        Challenges = v.Challenges,
        Requests = v.Requests,
        Rag = v.Rag,
        RagReason = v.RagReason,
        PlanReviews = [.. v.PlanReviews.OrderBy(p => p.Position).Select(p => new PlanReviewInput(p.Position, p.Status, p.Note))],
    };
}

public sealed record PlanReviewInput(int Position, PlanStatus? Status, string? Note);

/// One of last quarter's plans, with this update's verdict on it so far.
public sealed record CarryForwardItem(int Position, string Text, PlanStatus? Status, string? Note);
