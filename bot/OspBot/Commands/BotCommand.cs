using OspBot.Cards.Model;

namespace OspBot.Commands;

/// Where a command is offered; matches the Teams manifest's bot scopes.
[Flags]
internal enum CommandScopes
{
    None = 0,
    Personal = 1,
    Team = 2,
}

internal enum CommandKind
{
    /// Typed: its name or an alias, maybe followed by an argument.
    Text,

    /// A card button's verb (Action.Execute, or the verb an Action.Submit fallback carries in its data).
    Card,
}

internal enum ArgumentMode
{
    /// The command alone.
    None,

    /// "status" and "status Q3 2025/26".
    Optional,

    /// "history economic-development": without an argument it is not this command.
    Required,
}

/// Every command handler has this shape: the request in, the reply out.
internal delegate Task<BotReply> CommandHandler(CommandRequest request, CancellationToken ct);

/// One row of the command table.
internal sealed record BotCommand
{
    public required CommandKind Kind { get; init; }

    /// What is typed ("open round"), or the card verb ("round.open").
    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public ArgumentMode Argument { get; init; }

    /// What the help card and the manifest say it does (text commands).
    public string Description { get; init; } = "";

    /// How the help card shows it, with an example argument where it takes one.
    public string Usage { get; init; } = "";

    public required Roles Roles { get; init; }

    public CommandScopes Scopes { get; init; } = CommandScopes.Personal;

    /// Safe to offer as a one-click button on the help and welcome cards: it only shows something.
    public bool IsShortcut { get; init; }

    /// Listed on the help card and in the manifest (text commands).
    public bool IsListed { get; init; } = true;

    /// Offered in Teams' command menu (the manifest), which shows at most 10 per list: a command reached from a card's
    /// button as well can stay on the help card only.
    public bool InMenu { get; init; } = true;

    /// The handler, resolved from the turn's services.
    public required Func<IServiceProvider, CommandHandler> Resolve { get; init; }

    public bool IsFor(Roles callerRoles) => (Roles & callerRoles) != 0;
}

/// What a handler answers: the cards to send (a typed command), or, for a button, the card that replaces the pressed
/// one (the first; any others are sent below it). BadRequest answers a button whose data makes no sense.
internal sealed record BotReply
{
    public IReadOnlyList<AdaptiveCard> Cards { get; init; } = [];

    public string? BadRequest { get; init; }

    public static BotReply With(AdaptiveCard card) => new() { Cards = [card] };

    public static BotReply With(IEnumerable<AdaptiveCard> cards) => new() { Cards = [.. cards] };

    public static BotReply Invalid(string message) => new() { BadRequest = message };
}
