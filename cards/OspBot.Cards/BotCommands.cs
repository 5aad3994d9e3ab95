namespace OspBot.Cards;

/// Where a command is offered; matches the Teams manifest's bot scopes.
[Flags]
internal enum CommandScopes
{
    None = 0,
    Personal = 1,
    Team = 2,
}

internal sealed record BotCommand
{
    /// What the user types; the bot's command router matches on it.
    public required string Title { get; init; }

    /// How it is shown to users, with an example argument where it takes one.
    public required string Usage { get; init; }

    public required string Description { get; init; }

    public required CommandScopes Scopes { get; init; }

    public required IReadOnlyList<CardAudience> Audiences { get; init; }

    /// Safe to offer as a one-click button: it only shows something, it changes nothing.
    public bool IsShortcut { get; init; }
}

/// The single list of commands: the welcome and help cards advertise it and the Teams manifest's
/// command lists must match it (a test compares them).
internal static class BotCommands
{
    private static readonly CardAudience[] Everyone =
        [CardAudience.Unknown, CardAudience.Member, CardAudience.SubGroupLead, CardAudience.Secretariat, CardAudience.OspChair];

    public static BotCommand Help { get; } = new()
    {
        Title = "help",
        Usage = "help",
        Description = "Show what I can do for you",
        Scopes = CommandScopes.Personal | CommandScopes.Team,
        Audiences = Everyone,
    };

    public static BotCommand MyUpdate { get; } = new()
    {
        Title = "my update",
        Usage = "my update",
        Description = "Write or edit your sub-group's quarterly update",
        Scopes = CommandScopes.Personal,
        Audiences = [CardAudience.SubGroupLead],
        IsShortcut = true,
    };

    public static BotCommand Status { get; } = new()
    {
        Title = "status",
        Usage = "status",
        Description = "See which sub-groups have sent their update this round",
        Scopes = CommandScopes.Personal,
        Audiences = [CardAudience.Secretariat],
        IsShortcut = true,
    };

    public static BotCommand Rounds { get; } = new()
    {
        Title = "rounds",
        Usage = "rounds",
        Description = "See past rounds and open any one's status (or type e.g. status Q3 2025/26)",
        Scopes = CommandScopes.Personal,
        Audiences = [CardAudience.Secretariat],
        IsShortcut = true,
    };

    public static BotCommand OpenRound { get; } = new()
    {
        Title = "open round",
        Usage = "open round",
        Description = "Ask sub-group chairs and leads for their quarterly updates",
        Scopes = CommandScopes.Personal,
        Audiences = [CardAudience.Secretariat],
    };

    public static BotCommand CompileReport { get; } = new()
    {
        Title = "compile report",
        Usage = "compile report 2024/25",
        Description = "Compile the annual OSP report for a year (e.g. 2024/25)",
        Scopes = CommandScopes.Personal,
        Audiences = [CardAudience.Secretariat],
    };


    public static BotCommand Directory { get; } = new()
    {
        Title = "directory",
        Usage = "directory",
        Description = "See and change who sits on each OSP group; link Teams users",
        Scopes = CommandScopes.Personal,
        Audiences = [CardAudience.Secretariat],
    };

    public static BotCommand ScheduleMeeting { get; } = new()
    {
        Title = "schedule meeting",
        Usage = "schedule meeting",
        Description = "Book a steering group or sub-group meeting and remind its members",
        Scopes = CommandScopes.Personal,
        Audiences = [CardAudience.Secretariat],
    };

    public static BotCommand Meetings { get; } = new()
    {
        Title = "meetings",
        Usage = "meetings",
        Description = "See upcoming meetings; move or cancel one, see responses and apologies",
        Scopes = CommandScopes.Personal,
        Audiences = [CardAudience.Secretariat],
    };

    public static IReadOnlyList<BotCommand> All { get; } = [Help, MyUpdate, Status, Rounds, OpenRound, CompileReport, Directory, ScheduleMeeting, Meetings];

    public static IReadOnlyList<BotCommand> For(CardAudience audience) =>
        [.. All.Where(c => c.Audiences.Contains(audience))];

    public static IReadOnlyList<BotCommand> InScope(CommandScopes scope) =>
        [.. All.Where(c => c.Scopes.HasFlag(scope))];
}
