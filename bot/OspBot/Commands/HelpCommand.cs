using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Commands;

/// `help` (and anything not understood): what OspBot does for this person and every command they may use, for every
/// role they hold; and the welcome card, which says the same when OspBot is installed.
internal sealed class HelpCommand(CommandTable commands)
{
    public const string Name = "help";

    internal static void Declare(CommandTableBuilder table) => table.Text<HelpCommand>(
        Name, "Show what I can do for you", Roles.Anyone, h => h.HelpAsync,
        aliases: ["hi", "hello"], scopes: CommandScopes.Personal | CommandScopes.Team);

    public Task<BotReply> HelpAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(BotReply.With(HelpCards.Help(new HelpCardModel
        {
            Audience = Audience(request.Caller),
            NotUnderstood = request.Unmatched,
        })));
    }

    /// The welcome card, for someone who installed OspBot for themselves (or a team: no caller).
    public AdaptiveCard Welcome(CommandCaller? caller) => WelcomeCards.Welcome(new WelcomeCardModel
    {
        DisplayName = caller?.DisplayName,
        // In a team OspBot speaks to everyone there: what it does for any member.
        Audience = caller is null ? new Audience { IsKnown = true, Commands = Lines(Roles.Anyone | Roles.Member) } : Audience(caller),
    });

    private Audience Audience(CommandCaller caller) => new()
    {
        IsKnown = caller.IsKnown,
        IsSecretariat = caller.Roles.HasFlag(Roles.Secretariat),
        IsOspChair = caller.Roles.HasFlag(Roles.OspChair),
        SubGroupsLed = caller.SubGroupsLed,
        Groups = caller.Groups,
        Commands = Lines(caller.Roles),
    };

    private IReadOnlyList<CommandLine> Lines(Roles roles) =>
        [.. commands.ListedFor(roles).Select(c => new CommandLine(c.Usage, c.Description, c.IsShortcut))];
}
