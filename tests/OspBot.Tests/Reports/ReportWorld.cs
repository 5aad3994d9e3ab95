using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Reports;
using OspBot.Rounds;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Reports;

/// Data for report tests on an OspBotApp with the sample directory: the test user linked to a secretariat person
/// (or not), and 2024/25 with Economic Development's Q1-Q3 and Stronger Communities' Q1 submitted, the rest missing.
internal static class ReportWorld
{
    public const string ReadyHeading = "annual report is ready";

    /// For a RoundsWire that compiles: the compile job is a Quartz trigger fired now, and the scheduler reads the
    /// application's clock, so the wire's clock shifted into the past would leave it waiting.
    public static void RealClock(IServiceCollection services) => services.AddSingleton(TimeProvider.System);

    public static async Task<int> LinkUserAsync(OspBotApp app, bool secretariat, CancellationToken ct, string aad = Activities.UserAadId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        var person = await db.People.Where(p => p.IsSecretariat == secretariat && !p.IsVacant).OrderBy(p => p.Id).FirstAsync(ct);
        person.EntraObjectId = aad;
        await db.SaveChangesAsync(ct);
        return person.Id;
    }

    public static async Task SeedUpdatesAsync(OspBotApp app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        var groups = await db.Groups.ToDictionaryAsync(g => g.Key, ct);
        var author = await db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        for (var q = 1; q <= 4; q++)
        {
            var round = new UpdateRound
            {
                FinancialYearStart = 2024,
                Quarter = q,
                State = RoundState.Closed,
                MeetingDate = new DateOnly(2024, 6, 1).AddMonths(3 * (q - 1)),
                OpenedAt = DateTimeOffset.UnixEpoch,
            };
            db.Rounds.Add(round);
            if (q <= 3)
            {
                round.Updates.Add(Submitted(groups["economic-development"].Id, author, $"Business survey wave {q} completed"));
            }

            if (q == 1)
            {
                round.Updates.Add(Submitted(groups["stronger-communities"].Id, author, "Community hubs opened in Blackbird Leys"));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public static async Task<ReportCompilation> AddCompilationAsync(OspBotApp app, int personId, CompilationState state, CancellationToken ct,
        Action<ReportCompilation>? configure = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        var c = new ReportCompilation
        {
            FinancialYear = 2024,
            RequestedByPersonId = personId,
            RequestedByName = "Lucy Cherry",
            RequestedAt = DateTimeOffset.UtcNow,
            State = state,
            Stage = state.ToString(),
        };
        configure?.Invoke(c);
        db.ReportCompilations.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public static async Task<List<ReportCompilation>> CompilationsAsync(OspBotApp app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OspDbContext>().ReportCompilations.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
    }

    public static JsonElement CardOf(JsonElement activity) => activity.GetProperty("attachments")[0].GetProperty("content");

    /// Waits until the connector has received a card whose JSON contains <paramref name="text"/>.
    public static Task<ConnectorRequest> WaitForCardAsync(FakeConnector connector, string text, CancellationToken ct) =>
        connector.WaitForAsync(r => r.Body?.GetRawText().Contains(text, StringComparison.Ordinal) == true, ct, TimeSpan.FromSeconds(30));

    /// The url of the card's action titled <paramref name="title"/>, as a path and query for the test client.
    public static string ActionUrl(JsonElement card, string title) =>
        new Uri(card.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("title").GetString() == title)
            .GetProperty("url").GetString()!).PathAndQuery;

    private static SubGroupUpdate Submitted(int groupId, int author, string achievements) => new()
    {
        GroupId = groupId,
        Status = UpdateStatus.Submitted,
        CurrentVersion = 1,
        SubmittedVersion = 1,
        SubmittedAt = DateTimeOffset.UnixEpoch,
        Versions =
        [
            new UpdateVersion
            {
                Number = 1, Kind = VersionKind.Submitted, Achievements = achievements, Plans = "Carry on",
                Rag = Rag.Green, SavedByPersonId = author, SavedAt = DateTimeOffset.UnixEpoch,
            },
        ],
    };
}
