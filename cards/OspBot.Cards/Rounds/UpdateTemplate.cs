namespace OspBot.Cards.Rounds;

/// One of the four sections of the OSP quarterly update template.
internal sealed record UpdateSection(int Number, string InputId, string Label, bool IsRequired);

/// The OSP quarterly update template (seed 000): the labels are the template's words, exactly.
internal static class UpdateTemplate
{
    /// The most a section may hold; the server enforces it too, since old clients ignore maxLength.
    public const int MaxSectionChars = 4000;

    public static UpdateSection Achievements { get; } = new(1, UpdateInputs.Achievements, "1. Achievements since last update", true);
    public static UpdateSection Plans { get; } = new(2, UpdateInputs.Plans, "2. Plans for the next six months", true);
    public static UpdateSection Challenges { get; } = new(3, UpdateInputs.Challenges, "3. Challenges and/or blocks to progress", true);

    public static UpdateSection Requests { get; } =
        new(4, UpdateInputs.Requests, "4. Requests for OSP support/advice/action/intervention (if required)", false);

    public static IReadOnlyList<UpdateSection> Sections { get; } = [Achievements, Plans, Challenges, Requests];
}

/// Input ids of the update cards: what the bot reads from the submitted data.
internal static class UpdateInputs
{
    public const string Achievements = "achievements";
    public const string Plans = "plans";
    public const string Challenges = "challenges";
    public const string Requests = "requests";
    public const string Rag = "rag";
    public const string RagReason = "ragReason";

    /// Prefix of the carry-forward inputs: "cf.{itemId}" holds the outcome, "cf.{itemId}.note" the note.
    public const string CarryForwardPrefix = "cf.";

    public static string CarryForwardOutcome(string itemId) => CarryForwardPrefix + itemId;

    public static string CarryForwardNote(string itemId) => CarryForwardPrefix + itemId + ".note";
}
