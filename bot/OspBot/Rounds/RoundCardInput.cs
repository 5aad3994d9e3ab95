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

    /// The answers to "does this request still stand?" ("stillStands.{requestId}": "yes" or "no"), by request id.
    public IReadOnlyDictionary<int, bool> StillStands() =>
        Data.EnumerateObject()
            .Where(p => p.Name.StartsWith(C.EarlierRequestParts.StillStandsPrefix, StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => (Id: int.TryParse(p.Name.AsSpan(C.EarlierRequestParts.StillStandsPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0, Answer: p.Value.GetString()))
            .Where(a => a.Id > 0 && a.Answer is "yes" or "no")
            .DistinctBy(a => a.Id)
            .ToDictionary(a => a.Id, a => a.Answer == "yes");

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

    /// What the card sent, as a patch to the stored update: an input it did not send keeps the stored value, and a
    /// section listed in `kept` keeps it also when it arrives empty.
    public D.UpdatePatch Patch()
    {
        var kept = Kept;
        Dictionary<D.UpdateField, string?> texts = [];
        foreach (var (field, inputId) in Sections)
        {
            if (Has(inputId))
            {
                texts[field] = Blank(String(inputId));
            }
        }
        Dictionary<int, D.PlanStatus?> outcomes = [];
        Dictionary<int, string?> notes = [];
        foreach (var position in PlanPositions())
        {
            var id = position.ToString(CultureInfo.InvariantCulture);
            if (Has(C.UpdateInputs.CarryForwardOutcome(id)))
            {
                outcomes[position] = ParseOutcome(String(C.UpdateInputs.CarryForwardOutcome(id)));
            }
            if (Has(C.UpdateInputs.CarryForwardNote(id)))
            {
                notes[position] = Blank(String(C.UpdateInputs.CarryForwardNote(id)));
            }
        }
        return new D.UpdatePatch
        {
            Texts = texts,
            Kept = Sections.Where(s => kept.Contains(s.InputId)).Select(s => s.Field).ToHashSet(),
            HasRag = Has(C.UpdateInputs.Rag),
            Rag = ParseRag(String(C.UpdateInputs.Rag)),
            Outcomes = outcomes,
            Notes = notes,
        };
    }

    private static readonly (D.UpdateField Field, string InputId)[] Sections =
    [
        (D.UpdateField.Achievements, C.UpdateInputs.Achievements),
        (D.UpdateField.Plans, C.UpdateInputs.Plans),
        (D.UpdateField.Challenges, C.UpdateInputs.Challenges),
        (D.UpdateField.Requests, C.UpdateInputs.Requests),
        (D.UpdateField.RagReason, C.UpdateInputs.RagReason),
    ];

    /// The plan positions the card sent a verdict or a note for ("cf.{position}", "cf.{position}.note").
    private IEnumerable<int> PlanPositions() =>
        Data.EnumerateObject()
            .Where(p => p.Name.StartsWith(C.UpdateInputs.CarryForwardPrefix, StringComparison.Ordinal))
            .Select(p => p.Name[C.UpdateInputs.CarryForwardPrefix.Length..].Replace(".note", "", StringComparison.Ordinal))
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : -1)
            .Where(n => n >= 0)
            .Distinct()
            .Order();

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
