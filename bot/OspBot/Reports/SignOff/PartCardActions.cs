using System.Globalization;
using System.Text.Json;
using OspBot.Cards.Common;
using OspBot.Cards.Reports;
using OspBot.Commands;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Reports;

/// The sign-off cards' buttons and the `report parts` command; each answer replaces the pressed card.
internal sealed class PartCardActions(PartSignOffService signOff, IDispatchNow dispatchNow, TimeProvider clock)
{
    internal static void Declare(CommandTableBuilder table) => table
        .Text<PartCardActions>("report parts", "See which sub-groups have signed off their part of the annual report", Roles.Secretariat,
            // Teams' menu is full (ManifestTests): typed, or reached from the compile card.
            a => a.StatusAsync, usage: "report parts 2024/25", argument: ArgumentMode.Optional, inMenu: false)
        .Card<PartCardActions>(ReportVerbs.OpenPart, Roles.SubGroupSeat | Roles.Secretariat, a => a.OpenAsync)
        .Card<PartCardActions>(ReportVerbs.SavePart, Roles.SubGroupSeat | Roles.Secretariat, a => a.SaveAsync)
        .Card<PartCardActions>(ReportVerbs.ApprovePart, Roles.SubGroupSeat | Roles.Secretariat, a => a.ApproveAsync)
        .Card<PartCardActions>(ReportVerbs.AskAboutPart, Roles.SubGroupSeat | Roles.Secretariat, a => a.AskAsync)
        .Card<PartCardActions>(ReportVerbs.ChaseParts, Roles.Secretariat, a => a.ChaseAsync)
        .Card<PartCardActions>(ReportVerbs.MarkFinal, Roles.Secretariat, a => a.FinalAsync);

    public async Task<BotReply> OpenAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(PartCardMapper.Card(await signOff.GetAsync(Actor(request), Int(request, "part"), ct)));

    public async Task<BotReply> SaveAsync(CommandRequest request, CancellationToken ct)
    {
        var sections = new PartSections(Text(request, "summary"), Text(request, "delivery"), Text(request, "challenges"), Text(request, "requests"), Text(request, "priorities"));
        return BotReply.With(PartCardMapper.Card(await signOff.SaveAsync(Actor(request), Int(request, "part"), Int(request, "version"), sections, ct)));
    }

    public async Task<BotReply> ApproveAsync(CommandRequest request, CancellationToken ct) =>
        BotReply.With(PartCardMapper.Card(await signOff.ApproveAsync(Actor(request), Int(request, "part"), Int(request, "version"), ct)));

    public async Task<BotReply> AskAsync(CommandRequest request, CancellationToken ct)
    {
        var result = await signOff.AskAsync(Actor(request), Int(request, "part"), Text(request, "question"), ct);
        await dispatchNow.TriggerAsync(ct);
        return BotReply.With(PartCardMapper.Card(result));
    }

    public async Task<BotReply> StatusAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Year(request.Argument) is { } year ? BotReply.With(await StatusCardAsync(year, null, ct)) : BotReply.With(ReportCards.BadYear(request.Argument));
    }

    public async Task<BotReply> ChaseAsync(CommandRequest request, CancellationToken ct)
    {
        var year = Year(Text(request, "year")) ?? 0;
        var chased = await signOff.ChaseAsync(Actor(request), year, ct);
        await dispatchNow.TriggerAsync(ct);
        var outcome = chased is null ? "Nothing was chased: the sign-off is final, past its date, or not started."
            : chased.Count == 0 ? "Every part has been edited or approved: nobody to chase." : $"Chased: {string.Join(", ", chased)}.";
        return BotReply.With(await StatusCardAsync(year, outcome, ct));
    }

    public async Task<BotReply> FinalAsync(CommandRequest request, CancellationToken ct)
    {
        var year = Year(Text(request, "year")) ?? 0;
        var marked = await signOff.MarkFinalAsync(Actor(request), year, ct);
        return BotReply.With(await StatusCardAsync(year, marked ? "Marked final: the parts are now locked." : null, ct));
    }

    private async Task<Cards.Model.AdaptiveCard> StatusCardAsync(int year, string? outcome, CancellationToken ct) =>
        await signOff.StatusAsync(year, ct) is { } status
            ? PartCards.Status(PartCardMapper.Status(status, outcome))
            : MessageCards.Message($"The {Drafting.FinancialYears.Label(year)} sign-off has not started",
                $"It starts when the secretariat compiles the report: type \"compile report {Drafting.FinancialYears.Label(year)}\".");

    private int? Year(string typed) => typed.Trim().Length == 0 ? ReportYear.LastComplete(clock.GetUtcNow()) : ReportYear.Parse(typed);

    private static Actor Actor(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Caller.ToActor();
    }

    private static string Text(CommandRequest request, string key) =>
        request.Data is { } d && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? (v.GetString() ?? "").Replace("\r\n", "\n", StringComparison.Ordinal) : "";

    private static int Int(CommandRequest request, string key) =>
        int.TryParse(Text(request, key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
