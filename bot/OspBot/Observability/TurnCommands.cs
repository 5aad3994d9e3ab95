using System.Text.Json;
using OspBot.Commands;
using OspBot.Teams.Schema;

namespace OspBot.Observability;

/// The command a turn carries, as a telemetry tag: the command table's own name for a typed command or card verb,
/// never what the person typed. Anything else becomes "not understood" or "unknown verb", so the tag has a fixed set
/// of values. The messages endpoint's telemetry hands over the table for the request it measures.
internal static class TurnCommands
{
    public const string Help = HelpCommand.Name;
    public const string NotUnderstood = "not understood";
    public const string UnknownVerb = "unknown verb";
    public const string None = "none";

    private static readonly AsyncLocal<CommandTable?> Table = new();

    /// The table the current request's turn is named from.
    public static void Use(CommandTable table) => Table.Value = table;

    public static string Of(Activity activity) => Table.Value is { } table ? Of(table, activity) : None;

    public static string Of(CommandTable table, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityTypes.Invoke when activity.Name == "adaptiveCard/action" => Verb(table, ExecuteVerb(activity.Value)),
            ActivityTypes.Invoke => UnknownVerb,
            // An Action.Submit fallback carries its verb in the value; otherwise it is typed text.
            ActivityTypes.Message when SubmitVerb(activity.Value) is { } verb => Verb(table, verb),
            ActivityTypes.Message => OfText(table, CommandText.Normalize(activity.Text)),
            _ => None,
        };
    }

    internal static string OfText(CommandTable table, string normalized)
    {
        ArgumentNullException.ThrowIfNull(table);
        // An empty message (a bare @mention) is answered with help. A command with an argument is named without it.
        return normalized.Length == 0 ? Help : table.MatchText(normalized)?.Command.Name ?? NotUnderstood;
    }

    private static string Verb(CommandTable table, string? verb) => table.Verb(verb)?.Name ?? UnknownVerb;

    private static string? ExecuteVerb(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var action)
        && action.ValueKind == JsonValueKind.Object && action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String
            ? verb.GetString()
            : null;

    private static string? SubmitVerb(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String
            ? verb.GetString()
            : null;
}
