using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// How the round cards write RAG and plan outcomes (dates and counts: CardFormat).
internal static class RoundFormat
{
    public static string Label(Rag rag) => rag switch
    {
        Rag.Green => "Green",
        Rag.Amber => "Amber",
        Rag.Red => "Red",
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown RAG status."),
    };

    /// A container's tint for a RAG status, behind text in the default colour (accessible contrast).
    public static ContainerStyle Tint(Rag rag) => rag switch
    {
        Rag.Green => ContainerStyle.Good,
        Rag.Amber => ContainerStyle.Warning,
        Rag.Red => ContainerStyle.Attention,
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown RAG status."),
    };

    public static string Label(PlanOutcome outcome) => outcome switch
    {
        PlanOutcome.Done => "Done",
        PlanOutcome.InProgress => "In progress",
        PlanOutcome.Slipped => "Slipped",
        PlanOutcome.Dropped => "Dropped",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown plan outcome."),
    };

    /// The value an input submits for a RAG or an outcome: the enum name in camelCase, e.g. "inProgress".
    public static string Value<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
