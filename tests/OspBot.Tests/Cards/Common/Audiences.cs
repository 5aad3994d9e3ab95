using OspBot.Cards.Common;

namespace OspBot.Tests.Cards.Common;

/// The kinds of people the welcome and help cards speak to, each with a few commands to list.
internal static class Audiences
{
    public static readonly IReadOnlyList<CommandLine> HelpOnly = [new("help", "Show what I can do for you", false)];

    public static readonly IReadOnlyList<CommandLine> SecretariatCommands =
    [
        new("help", "Show what I can do for you", false),
        new("compile report 2024/25", "Compile the annual OSP report for a year (e.g. 2024/25)", false),
        new("rounds", "See past rounds", true),
        new("status", "See which sub-groups have sent their update this round", true),
    ];

    public static Audience Unknown { get; } = new() { IsKnown = false, Commands = HelpOnly };

    public static Audience Member { get; } = new() { IsKnown = true, Groups = ["OSP Steering Group"], Commands = HelpOnly };

    public static Audience Lead { get; } = new()
    {
        IsKnown = true,
        SubGroupsLed = ["Zero Carbon Oxford Partnership"],
        Commands = [.. HelpOnly, new("my update", "Write or edit your sub-group's quarterly update", true)],
    };

    public static Audience Secretariat { get; } = new() { IsKnown = true, IsSecretariat = true, Commands = SecretariatCommands };

    public static Audience OspChair { get; } = new() { IsKnown = true, IsOspChair = true, Commands = HelpOnly };

    // By name: Audience is internal, and a public theory cannot take it as a parameter.
    public static TheoryData<string> Names { get; } = ["Unknown", "Member", "Lead", "Secretariat", "OspChair"];

    public static Audience Named(string name) => name switch
    {
        "Unknown" => Unknown,
        "Member" => Member,
        "Lead" => Lead,
        "Secretariat" => Secretariat,
        _ => OspChair,
    };
}
