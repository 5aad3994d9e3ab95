using System.Text.Json;
using OspBot.Cards.Model;

namespace OspBot.Commands;

/// A command as its handler sees it: who asked (with all their roles), what they typed after the command words or
/// the card's data, and how to send more than the reply.
internal sealed record CommandRequest
{
    public required CommandCaller Caller { get; init; }

    public required BotCommand Command { get; init; }

    /// What followed the command words, normalised (lower case, single spaces); empty when nothing did.
    public string Argument { get; init; } = "";

    /// Text that matched no command (the help card quotes it); null otherwise.
    public string? Unmatched { get; init; }

    /// A card command's data: the Action.Execute data, or the Action.Submit value, with the card's inputs.
    public JsonElement? Data { get; init; }

    /// The message the pressed card is in, for a card command that keeps updating it (a progress card).
    public string? PressedActivityId { get; init; }

    /// Where the reply goes, for work that answers later (a report's result card).
    public required Uri ServiceUrl { get; init; }

    public required string ConversationId { get; init; }

    /// Sends another message into the conversation now; returns its activity id.
    public required Func<AdaptiveCard, CancellationToken, Task<string?>> SendAsync { get; init; }
}

/// Who sent a command, as the directory knows them (ICallerDirectory).
internal sealed record CommandCaller
{
    /// The Teams user's Entra object id; null when Teams did not say.
    public string? EntraObjectId { get; init; }

    /// The Teams user id in this conversation (29:...), for mentions and card refreshes.
    public string? UserId { get; init; }

    /// As the directory or Teams knows them.
    public string? DisplayName { get; init; }

    /// Null when the directory does not know them.
    public int? PersonId { get; init; }

    public required Roles Roles { get; init; }

    /// The sub-groups they chair, lead or deputise for.
    public IReadOnlyList<string> SubGroupsLed { get; init; } = [];

    /// Every group they sit on.
    public IReadOnlyList<string> Groups { get; init; } = [];

    public bool IsKnown => PersonId is not null;
}

/// Finds who a Teams user is and what roles they hold; the members feature answers it from the OSP directory.
internal interface ICallerDirectory
{
    Task<CommandCaller> FindAsync(string? entraObjectId, string? userId, string? teamsName, CancellationToken ct);

    /// Whom a refusal tells people to ask: the secretariat's names.
    Task<IReadOnlyList<string>> SecretariatNamesAsync(CancellationToken ct);
}
