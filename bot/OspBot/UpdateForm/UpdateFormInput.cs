using System.Globalization;
using OspBot.Cards.Rounds;
using OspBot.Rounds;
using PlanStatus = OspBot.Rounds.PlanStatus;
using Rag = OspBot.Rounds.Rag;

namespace OspBot.UpdateForm;

/// What the web form posted (under the Teams card's input names), read into the same UpdatePatch the card's input becomes: the four sections, the
/// RAG status and reason, and a verdict and note for each of last quarter's plans. Text is kept as typed (line
/// endings made "\n", as Teams sends them; blank is "nothing"). A value no form of ours offers is an error on its field.
internal sealed record UpdateFormInput(string Action, int Revision, UpdatePatch Patch, IReadOnlyList<FieldError> Errors)
{
    public const string Draft = "draft";
    public const string Submit = "submit";
    public const string Approve = "approve";

    public static readonly IReadOnlyDictionary<UpdateField, string> Names = new Dictionary<UpdateField, string>
    {
        [UpdateField.Achievements] = UpdateInputs.Achievements,
        [UpdateField.Plans] = UpdateInputs.Plans,
        [UpdateField.Challenges] = UpdateInputs.Challenges,
        [UpdateField.Requests] = UpdateInputs.Requests,
        [UpdateField.RagReason] = UpdateInputs.RagReason,
    };

    public static readonly IReadOnlyDictionary<string, PlanStatus> Verdicts = new Dictionary<string, PlanStatus>(StringComparer.Ordinal)
    {
        ["done"] = PlanStatus.Done,
        ["in-progress"] = PlanStatus.InProgress,
        ["slipped"] = PlanStatus.Slipped,
        ["dropped"] = PlanStatus.Dropped,
    };

    public static string StatusName(int position) => string.Create(CultureInfo.InvariantCulture, $"plan-{position}");

    public static string NoteName(int position) => string.Create(CultureInfo.InvariantCulture, $"plan-{position}-note");

    public static UpdateFormInput Read(IFormCollection form, int carryForwardCount)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var texts = Names.ToDictionary(n => n.Key, n => Text(form[n.Value].ToString()));
        Rag? rag = form[UpdateInputs.Rag].ToString() switch
        {
            "" => null,
            var value when Enum.TryParse<Rag>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value[0]) => parsed,
            _ => Error<Rag>(errors, new(UpdateField.Rag, "Choose an overall status: green, amber or red.")),
        };
        var outcomes = new Dictionary<int, PlanStatus?>();
        var notes = new Dictionary<int, string?>();
        for (var position = 0; position < carryForwardCount; position++)
        {
            outcomes[position] = form[StatusName(position)].ToString() switch
            {
                "" => null,
                var v when Verdicts.TryGetValue(v, out var status) => status,
                _ => Error<PlanStatus>(errors, new(UpdateField.PlanReview, "Choose done, in progress, slipped or dropped.", position)),
            };
            notes[position] = Text(form[NoteName(position)].ToString());
        }
        var revision = int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
        var action = form["action"].ToString() is Submit or Approve ? form["action"].ToString() : Draft;
        var patch = new UpdatePatch { Texts = texts, HasRag = true, Rag = rag, Outcomes = outcomes, Notes = notes };
        return new UpdateFormInput(action, revision, patch, errors);
    }

    private static string? Text(string value) => string.IsNullOrWhiteSpace(value) ? null : value.ReplaceLineEndings("\n");

    private static T? Error<T>(List<FieldError> errors, FieldError error)
        where T : struct
    {
        errors.Add(error);
        return null;
    }
}
