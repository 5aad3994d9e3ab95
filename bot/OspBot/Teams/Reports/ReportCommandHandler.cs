using System.Text.Json;
using OspBot.Cards.Model;
using OspBot.Cards.Reports;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Reports;

/// "compile report [2024/25]" and the card's "Compile again": queue the job, show the progress card, or say why not.
internal sealed class ReportCommandHandler(ReportCompilationService compilations, TimeProvider clock)
{
    private const string Command = "compile report";

    public static bool IsCommand(string normalized) =>
        normalized == Command || normalized.StartsWith(Command + " ", StringComparison.Ordinal);

    public static bool IsVerb(string verb) => verb.StartsWith(ReportVerbs.Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(TurnContext turn, string normalized, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var typed = normalized[Command.Length..].Trim();
        var year = typed.Length == 0 ? ReportYear.LastComplete(clock.GetUtcNow()) : ReportYear.Parse(typed);
        if (year is null)
        {
            await SendAsync(turn, ReportCards.BadYear(typed), ct);
            return;
        }

        var (card, started) = await RequestAsync(turn, year.Value, ct);
        var sent = await SendAsync(turn, card, ct);
        if (started is { } id)
        {
            await StartAsync(id, sent.Id, ct);
        }
    }

    /// "Compile again" on a result card, or "Compile annual report" on the status card (no year: the last
    /// complete financial year): the pressed card becomes the new progress card.
    public async Task<AdaptiveCardInvokeResponse> HandleActionAsync(AdaptiveCardAction action, TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(turn);
        var typed = action.Data is { } data && data.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.String ? y.GetString() ?? "" : "";
        var year = typed.Length == 0 ? ReportYear.LastComplete(clock.GetUtcNow()) : ReportYear.Parse(typed);
        if (action.Verb != ReportVerbs.Compile || year is null)
        {
            return InvokeResponses.Error(400, "BadRequest", "This report action is not recognised.");
        }

        var (card, started) = await RequestAsync(turn, year.Value, ct);
        if (started is { } id)
        {
            await StartAsync(id, turn.Activity.ReplyToId, ct);
        }

        return InvokeResponses.Card(card.ToJsonElement());
    }

    private async Task<(AdaptiveCard Card, int? Started)> RequestAsync(TurnContext turn, int year, CancellationToken ct)
    {
        if (turn.Activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return (ReportCards.NotAllowed(), null);
        }

        var address = new CardAddress(turn.ServiceUrl, turn.ConversationId);
        return await compilations.RequestAsync(Actor.FromTeams(aad), year, address, ct) switch
        {
            CompileRequestResult.Started s => (ReportCards.Progress(Progress(s.Compilation)), s.Compilation.Id),
            CompileRequestResult.AlreadyRunning a => (ReportCards.AlreadyRunning(Progress(a.Existing)), null),
            _ => (ReportCards.NotAllowed(), null),
        };
    }

    private Task StartAsync(int compilationId, string? progressActivityId, CancellationToken ct) =>
        compilations.StartAsync(compilationId, progressActivityId, ct);

    private static Task<ResourceResponse> SendAsync(TurnContext turn, AdaptiveCard card, CancellationToken ct) =>
        turn.SendActivityAsync(MessageFactory.Card(card.ToJsonElement(), card.FallbackText), ct);

    private static ReportProgressModel Progress(ReportCompilation c) => new()
    {
        YearLabel = FinancialYears.Label(c.FinancialYear),
        Stage = c.Stage ?? c.State.ToString(),
        RequestedBy = c.RequestedByName,
        RequestedAt = c.RequestedAt,
    };
}
