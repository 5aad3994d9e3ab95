using System.Globalization;
using System.Text.Json;
using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Reports;
using OspBot.Commands;
using OspBot.Members;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// "annual report Stronger Communities 2024/25" and the buttons that make it again: a sub-group's own annual report,
/// compiled by the same persisted job as the council's, its progress on the card the command answers with.
internal sealed class SubGroupReportCommands(ReportCompilationService compilations, SubGroupSettings settings, TimeProvider clock)
{
    internal static void Declare(CommandTableBuilder table) => table
        .Text<SubGroupReportCommands>("annual report", "Make a sub-group's own annual report and briefing (.docx) for a year",
            // Teams' menu is full (ManifestTests); the command is typed, and the settings card has the button.
            Roles.Chair | Roles.Lead | Roles.Secretariat, r => r.MakeAsync, usage: "annual report Stronger Communities 2024/25",
            argument: ArgumentMode.Required, inMenu: false)
        .Card<SubGroupReportCommands>(ReportVerbs.SubGroupReport, Roles.Chair | Roles.Lead | Roles.Secretariat, r => r.MakeAgainAsync);

    public async Task<BotReply> MakeAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (typedGroup, year) = SplitYear(request.Argument, clock);
        if (year is null)
        {
            return BotReply.With(ReportCards.BadYear(request.Argument, "annual report Stronger Communities"));
        }
        var (matches, all) = await settings.MatchAsync(typedGroup, ct);
        if (matches.Count != 1)
        {
            return BotReply.With(WhichSubGroup(typedGroup, all, "annual report"));
        }
        var (card, started) = await RequestAsync(request, year.Value, matches[0].Id, ct);
        var sentId = await request.SendAsync(card, ct);
        if (started is { } id)
        {
            await compilations.StartAsync(id, sentId, ct);
        }
        return new BotReply();
    }

    /// "Make it again" on a result card, "Make the report" on the settings card: the pressed card shows the progress.
    public async Task<BotReply> MakeAgainAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = Data(request, "year") is { Length: > 0 } typed ? ReportYear.Parse(typed) : ReportYear.LastComplete(clock.GetUtcNow());
        if (year is null || !int.TryParse(Data(request, "group"), NumberStyles.None, CultureInfo.InvariantCulture, out var groupId))
        {
            return BotReply.Invalid("This report action is not recognised.");
        }
        var (card, started) = await RequestAsync(request, year.Value, groupId, ct);
        if (started is { } id)
        {
            await compilations.StartAsync(id, request.PressedActivityId, ct);
        }
        return BotReply.With(card);
    }

    /// "Which sub-group?", naming them all, when the words name none or several.
    internal static AdaptiveCard WhichSubGroup(string typed, IReadOnlyList<string> all, string command) => MessageCards.Message("Which sub-group?",
        (typed.Length == 0 ? "Name the sub-group" : $"{CardText.Quote(typed, 60)} does not name exactly one sub-group; name one")
        + $" as \"{command} Stronger Communities\". The sub-groups are: {CardText.Escape(string.Join(", ", all))}.");

    /// "Stronger Communities 2024/25": the sub-group's words and the year (the last complete one when none is typed).
    internal static (string Group, int? Year) SplitYear(string argument, TimeProvider clock)
    {
        var words = argument.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && char.IsDigit(words[^1][0]))
        {
            return (string.Join(' ', words[..^1]), ReportYear.Parse(words[^1]));
        }
        return (string.Join(' ', words), ReportYear.LastComplete(clock.GetUtcNow()));
    }

    private async Task<(AdaptiveCard Card, int? Started)> RequestAsync(CommandRequest request, int year, int groupId, CancellationToken ct)
    {
        var address = new CardAddress(request.ServiceUrl, request.ConversationId);
        return await compilations.RequestForGroupAsync(request.Caller.ToActor(), year, groupId, address, ct) switch
        {
            CompileRequestResult.Started s => (ReportCards.Progress(Progress(s.Compilation)), s.Compilation.Id),
            CompileRequestResult.AlreadyRunning a => (ReportCards.AlreadyRunning(Progress(a.Existing)), null),
            _ => (MessageCards.Message("Only its chair, its lead or the secretariat",
                "A sub-group's own annual report is made by its chair or lead, or by " + MessageCards.Secretariat + "."), null),
        };
    }

    private static ReportProgressModel Progress(ReportCompilation c) => new()
    {
        YearLabel = ReportCardRenderer.Label(c),
        Stage = c.Stage ?? c.State.ToString(),
        RequestedBy = c.RequestedByName,
        RequestedAt = c.RequestedAt,
    };

    private static string Data(CommandRequest request, string key) =>
        request.Data is { } d && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
