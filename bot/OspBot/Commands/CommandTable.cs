namespace OspBot.Commands;

/// Every command the bot understands, declared by the features (AddBotCommands) and read by the Teams router, the
/// help and welcome cards, the refusals and the manifest check. Built once, from all registrations, so the order in
/// which features register does not matter; a name, alias or verb declared twice stops start-up.
internal sealed class CommandTable
{
    private readonly Dictionary<string, BotCommand> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BotCommand> _verbs = new(StringComparer.Ordinal);

    public CommandTable(IEnumerable<CommandRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        All = [.. registrations.SelectMany(r => r.Commands)
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.Name == HelpCommand.Name ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.Ordinal)];
        foreach (var command in All)
        {
            var names = command.Kind == CommandKind.Text ? [command.Name, .. command.Aliases] : new[] { command.Name };
            foreach (var name in names)
            {
                if (!(command.Kind == CommandKind.Text ? _texts : _verbs).TryAdd(name, command))
                {
                    throw new InvalidOperationException($"The command \"{name}\" is declared twice.");
                }
            }
        }
    }

    /// Help first, then the rest by name: the order of the help card and the manifest's lists.
    public IReadOnlyList<BotCommand> All { get; }

    /// The typed command in normalised text, and what followed its words; null when the text is no command.
    public (BotCommand Command, string Argument)? MatchText(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (_texts.TryGetValue(normalized, out var exact) && exact.Argument != ArgumentMode.Required)
        {
            return (exact, "");
        }
        // The longest words first: "status q3 2025/26" is "status" with an argument.
        foreach (var (words, command) in _texts.Where(t => t.Value.Argument != ArgumentMode.None).OrderByDescending(t => t.Key.Length))
        {
            if (normalized.StartsWith(words + " ", StringComparison.Ordinal))
            {
                return (command, normalized[(words.Length + 1)..].Trim());
            }
        }
        return null;
    }

    public BotCommand? Verb(string? verb) => verb is not null && _verbs.TryGetValue(verb, out var command) ? command : null;

    public BotCommand Help => _texts[HelpCommand.Name];

    /// The typed commands the help card lists for someone with these roles.
    public IReadOnlyList<BotCommand> ListedFor(Roles roles) =>
        [.. All.Where(c => c.Kind == CommandKind.Text && c.IsListed && c.IsFor(roles))];

    /// The typed commands the manifest offers in a scope.
    public IReadOnlyList<BotCommand> ListedIn(CommandScopes scope) =>
        [.. All.Where(c => c.Kind == CommandKind.Text && c.IsListed && c.InMenu && c.Scopes.HasFlag(scope))];
}

/// One feature's commands, as AddBotCommands registered them.
internal sealed record CommandRegistration(IReadOnlyList<BotCommand> Commands);
