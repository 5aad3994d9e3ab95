using System.Globalization;
using System.Text.Json;
using C = OspBot.Cards.Rounds;
using D = OspBot.Rounds;

namespace OspBot.Rounds;

/// What a round card's button sent back (Action.Execute data, or the Action.Submit fallback's value): ids, the
/// version the card showed, and the inputs. Card contract: a missing input means unchanged; a section listed in
/// `kept` keeps its stored text when it arrives absent or empty.
internal sealed record RoundCardInput(JsonElement Data)
{
    public static RoundCardInput From(JsonElement? data) =>
        new(data is { ValueKind: JsonValueKind.Object } d ? d : JsonDocument.Parse("{}").RootElement);

    public string? Verb => String(C.RoundData.Verb);

    public int? RoundId => Int(C.RoundData.RoundId);

    /// The update: updateId, or on the status card's picker the chosen subGroupId (which carries the update id).
    public int? UpdateId => Int(C.RoundData.UpdateId) ?? Int(C.RoundData.SubGroupId);

    public int? Version => Int(C.RoundData.Version);

    public string? Section => String(C.RoundData.Section);

    public string? View => String(C.RoundData.View);

    public IReadOnlySet<string> Kept =>
        (String(C.RoundData.Kept) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public string? String(string key) =>
        Data.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    public int? Int(string key) =>
        int.TryParse(String(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public DateOnly? Date(string key) =>
        DateOnly.TryParseExact(String(key), C.OpenRoundInputs.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// The content to save: each input as sent, or the stored value where the card sent none (or kept it).
    public D.UpdateContent Content(D.UpdateView stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var kept = Kept;
        var s = stored.Content;
        return new D.UpdateContent
        {
            Achievements = Text(C.UpdateInputs.Achievements, s.Achievements, kept),
            Plans = Text(C.UpdateInputs.Plans, s.Plans, kept),
            Challenges = Text(C.UpdateInputs.Challenges, s.Challenges, kept),
            Requests = Text(C.UpdateInputs.Requests, s.Requests, kept),
            Rag = Has(C.UpdateInputs.Rag) ? ParseRag(String(C.UpdateInputs.Rag)) : s.Rag,
            RagReason = Has(C.UpdateInputs.RagReason) ? Blank(String(C.UpdateInputs.RagReason)) : s.RagReason,
            PlanReviews = [.. stored.CarryForward.Select(Review)],
        };
    }

    private D.PlanReviewInput Review(D.CarryForwardItem item)
    {
        var id = item.Position.ToString(CultureInfo.InvariantCulture);
        var outcome = C.UpdateInputs.CarryForwardOutcome(id);
        var note = C.UpdateInputs.CarryForwardNote(id);
        return new D.PlanReviewInput(
            item.Position,
            Has(outcome) ? ParseOutcome(String(outcome)) : item.Status,
            Has(note) ? Blank(String(note)) : item.Note);
    }

    private string? Text(string inputId, string? stored, IReadOnlySet<string> kept)
    {
        if (!Has(inputId))
        {
            return stored;
        }
        var text = Blank(String(inputId));
        return text is null && kept.Contains(inputId) ? stored : text;
    }

    private bool Has(string key) => Data.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null;

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static D.Rag? ParseRag(string? value) => value switch
    {
        "green" => D.Rag.Green,
        "amber" => D.Rag.Amber,
        "red" => D.Rag.Red,
        _ => null,
    };

    private static D.PlanStatus? ParseOutcome(string? value) => value switch
    {
        "done" => D.PlanStatus.Done,
        "inProgress" => D.PlanStatus.InProgress,
        "slipped" => D.PlanStatus.Slipped,
        "dropped" => D.PlanStatus.Dropped,
        _ => null,
    };
}
