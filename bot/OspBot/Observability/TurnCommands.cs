using System.Collections.Frozen;
using System.Text.Json;
using OspBot.Cards.DirectoryEditing;
using OspBot.Cards.Meetings;
using OspBot.Cards.Reports;
using OspBot.Cards.Rounds;
using OspBot.Teams;
using OspBot.Teams.DirectoryEditing;
using OspBot.Teams.Meetings;
using OspBot.Teams.Reports;
using OspBot.Teams.Schema;

namespace OspBot.Observability;

/// The command a turn carries, as a telemetry tag: the bot's own name for a typed command or card verb, never what the
/// person typed. Anything else becomes "not understood" or "unknown verb", so the tag has a fixed set of values.
/// The handlers match these texts themselves; when commands are declared in one table, this should read that table.
internal static class TurnCommands
{
    public const string Help = "help";
    public const string NotUnderstood = "not understood";
    public const string UnknownVerb = "unknown verb";
    public const string None = "none";

    private static readonly FrozenDictionary<string, string> Typed = new Dictionary<string, string>
    {
        [""] = Help,
        ["help"] = Help,
        ["hi"] = Help,
        ["hello"] = Help,
        ["my update"] = "my update",
        ["my updates"] = "my update",
        ["update"] = "my update",
        ["status"] = "status",
        ["rounds"] = "rounds",
        ["past rounds"] = "rounds",
        ["open round"] = "open round",
        [MeetingCommands.Schedule] = MeetingCommands.Schedule,
        ["schedule a meeting"] = MeetingCommands.Schedule,
        ["new meeting"] = MeetingCommands.Schedule,
        [MeetingCommands.List] = MeetingCommands.List,
        ["upcoming meetings"] = MeetingCommands.List,
        ["my meetings"] = MeetingCommands.List,
        [DirectoryCardHandler.Command] = DirectoryCardHandler.Command,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Commands with an argument, named without it.
    private static readonly (string Prefix, string Name)[] WithArgument =
        [("status ", "status {quarter}"), ("history ", "history {sub-group}")];

    private static readonly FrozenSet<string> Verbs = RoundVerbs.All.Concat(MeetingVerbs.All)
        .Concat([DirectoryVerbs.Show, DirectoryVerbs.SetRole, DirectoryVerbs.AddPerson, DirectoryVerbs.Link, ReportVerbs.Compile])
        .ToFrozenSet(StringComparer.Ordinal);

    public static string Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityTypes.Invoke when activity.Name == "adaptiveCard/action" => Verb(ExecuteVerb(activity.Value)),
            ActivityTypes.Invoke => UnknownVerb,
            // An Action.Submit fallback carries its verb in the value; otherwise it is typed text.
            ActivityTypes.Message when SubmitVerb(activity.Value) is { } verb => Verb(verb),
            ActivityTypes.Message => OfText(CommandText.Normalize(activity.Text)),
            _ => None,
        };
    }

    internal static string OfText(string normalized)
    {
        if (Typed.TryGetValue(normalized, out var name))
        {
            return name;
        }
        if (ReportCommandHandler.IsCommand(normalized))
        {
            return "compile report";
        }
        foreach (var (prefix, withArgument) in WithArgument)
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                return withArgument;
            }
        }
        return NotUnderstood;
    }

    private static string Verb(string? verb) => verb is not null && Verbs.Contains(verb) ? verb : UnknownVerb;

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
