using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Observability;

namespace OspBot.Commands;

/// Runs a command for a caller: the role check happens here, once, from the table; a caller without one of the
/// command's roles gets a refusal that says who may use it and whom to ask, and the handler never runs.
internal sealed class CommandRunner(IServiceProvider services, ICallerDirectory callers)
{
    public async Task<BotReply> RunAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = request.Command;
        if (!command.IsFor(request.Caller.Roles))
        {
            TurnOutcome.MarkRefused();
            return BotReply.With(await RefusalAsync(command, request.Caller, ct));
        }
        return await command.Resolve(services)(request, ct);
    }

    private async Task<AdaptiveCard> RefusalAsync(BotCommand command, CommandCaller caller, CancellationToken ct)
    {
        if (!caller.IsKnown)
        {
            return MessageCards.NotMatched();
        }
        var who = RoleNames.Describe(command.Roles);
        var what = command.Kind == CommandKind.Text ? $"“{command.Name}”" : "that button";
        var askWhom = await callers.SecretariatNamesAsync(ct);
        var ask = askWhom.Count == 0 ? "the OSP secretariat" : string.Join(" or ", askWhom);
        return MessageCards.Message($"Only for {who}", $"Sorry, only {who} can use {what}. If you should be able to, please ask {ask}.");
    }
}
