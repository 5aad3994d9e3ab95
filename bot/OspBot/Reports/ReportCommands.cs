using System.Text.Json;
using OspBot.Cards.Model;
using OspBot.Cards.Reports;
using OspBot.Commands;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// "compile report [2024/25]" and the cards' "Compile again" / "Compile annual report": request the compilation,
/// show its progress card (which the job keeps up to date), or say why not.
internal sealed class ReportCommands(ReportCompilationService compilations, PartSignOffService signOff, IDispatchNow dispatchNow, TimeProvider clock)
{
    internal static void Declare(CommandTableBuilder table) => table
        .Text<ReportCommands>("compile report", "Compile the annual OSP report for a year (e.g. 2024/25)", Roles.Secretariat,
            r => r.CompileAsync, usage: "compile report 2024/25", argument: ArgumentMode.Optional)
        .Card<ReportCommands>(ReportVerbs.Compile, Roles.Secretariat, r => r.CompileAgainAsync);

    /// The progress card is sent first, so its activity id can be remembered for the job to update.
    public async Task<BotReply> CompileAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = request.Argument.Length == 0 ? ReportYear.LastComplete(clock.GetUtcNow()) : ReportYear.Parse(request.Argument);
        if (year is null)
        {
            return BotReply.With(ReportCards.BadYear(request.Argument));
        }

        var (card, started) = await RequestAsync(request, year.Value, ct);
        var sentId = await request.SendAsync(card, ct);
        if (started is { } id)
        {
            await compilations.StartAsync(id, sentId, ct);
        }
        return new BotReply();
    }

    /// "Compile again" on a result card, or "Compile annual report" on the status card (no year: the last complete
    /// financial year): the pressed card becomes the new progress card.
    public async Task<BotReply> CompileAgainAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var typed = request.Data is { } data && data.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.String ? y.GetString() ?? "" : "";
        var year = typed.Length == 0 ? ReportYear.LastComplete(clock.GetUtcNow()) : ReportYear.Parse(typed);
        if (year is null)
        {
            return BotReply.Invalid("This report action is not recognised.");
        }

        var (card, started) = await RequestAsync(request, year.Value, ct);
        if (started is { } id)
        {
            await compilations.StartAsync(id, request.PressedActivityId, ct);
        }
        return BotReply.With(card);
    }

    private async Task<(AdaptiveCard Card, int? Started)> RequestAsync(CommandRequest request, int year, CancellationToken ct)
    {
        var address = new CardAddress(request.ServiceUrl, request.ConversationId);
        var result = await compilations.RequestAsync(request.Caller.ToActor(), year, address, ct);
        // The first compilation of a year starts its sign-off: each sub-group's part is drafted and sent to its approver.
        if (result is CompileRequestResult.Started && await signOff.StartAsync(request.Caller.ToActor(), year, ct) is { PartsSent: > 0 })
        {
            await dispatchNow.TriggerAsync(ct);
        }
        return result switch
        {
            CompileRequestResult.Started s => (ReportCards.Progress(Progress(s.Compilation)), s.Compilation.Id),
            CompileRequestResult.AlreadyRunning a => (ReportCards.AlreadyRunning(Progress(a.Existing)), null),
            _ => (ReportCards.NotAllowed(), null),
        };
    }

    private static ReportProgressModel Progress(ReportCompilation c) => new()
    {
        YearLabel = FinancialYears.Label(c.FinancialYear),
        Stage = c.Stage ?? c.State.ToString(),
        RequestedBy = c.RequestedByName,
        RequestedAt = c.RequestedAt,
    };
}
