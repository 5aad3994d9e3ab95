using OspBot.Cards.Rounds;
using OspBot.Tests.Seeds;

namespace OspBot.Tests.Cards.Rounds;

/// Models for the round cards, and the real update of seed 000.
internal static class RoundSamples
{
    public const string Mri = "29:1AbcUserMri";

    // Monday 26 October 2026, 9:00 in London (GMT after the clocks go back on the 25th).
    public static readonly DateTimeOffset Deadline = new(2026, 10, 26, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 10, 21, 14, 30, 0, TimeSpan.FromHours(1));

    public static UpdateKey Key { get; } = new("r-2026q3", "u-42", "7");

    public static UpdateText Seed { get; } = LoadSeed();

    public static UpdateEditModel Edit(UpdateText draft) => new()
    {
        Key = Key,
        SubGroupName = "Stronger Communities",
        QuarterLabel = "Q3 2025/26",
        Deadline = Deadline,
        Now = Now,
        RecipientMri = Mri,
        Draft = draft,
        Rag = Rag.Amber,
        RagReason = "Funding for ESOL is uncertain",
        CarryForward = CarryForward,
        LastSaved = new("Ada Lovelace", Now.AddHours(-2)),
    };

    public static IReadOnlyList<CarryForwardItem> CarryForward { get; } =
    [
        new() { ItemId = "p1", Text = "Asset mapping to inform the LEP", Outcome = PlanOutcome.Done, Note = "Shared in July" },
        new() { ItemId = "p2", Text = "Take regeneration feedback to the Community Partnerships", Outcome = PlanOutcome.Slipped },
        new() { ItemId = "p3", Text = "Engage OSCA and the rural network on Inclusive Growth" },
    ];

    public static UpdateView View(UpdateText text, UpdateState state = UpdateState.Submitted) => new()
    {
        Key = Key,
        SubGroupName = "Stronger Communities",
        QuarterLabel = "Q3 2025/26",
        State = state,
        Text = text,
        Layout = OspBot.Rounds.ReadOnlyLayout.Of(text.Achievements, text.Plans, text.Challenges, text.Requests),
        Rag = Rag.Green,
        RagReason = "On track",
        Submitted = state is UpdateState.Submitted or UpdateState.AwaitingApproval ? new("Ada Lovelace", Now) : null,
        CarryForward = CarryForward,
        ApproverName = "Grace Hopper",
    };

    public static UpdateText AllSections(string text) => new() { Achievements = text, Plans = text, Challenges = text, Requests = text };

    /// <paramref name="unit"/> repeated to exactly <paramref name="chars"/> UTF-16 characters.
    public static string Repeat(string unit, int chars)
    {
        var s = string.Concat(Enumerable.Repeat(unit, (chars / unit.Length) + 1))[..chars];
        return char.IsHighSurrogate(s[^1]) ? s[..^1] + "x" : s;
    }

    private static UpdateText LoadSeed()
    {
        var seed = SeedTexts.Sections(SeedTexts.Mid2019);
        return new() { Achievements = seed.Achievements, Plans = seed.Plans, Challenges = seed.Challenges, Requests = seed.Requests };
    }
}
