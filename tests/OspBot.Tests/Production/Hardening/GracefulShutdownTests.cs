using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.EndToEnd;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production.Hardening;

/// Issue 6: SIGTERM to a real bot process while a turn waits on a slow connector and the dispatch job is
/// sending a round's prompts. The turn's reply still goes out, the job ends cleanly, the process exits 0 within
/// the shutdown timeout, and the database says exactly what the connector received: nothing half-written.
[Collection(EndToEndGroup.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    private const int People = 40;
    private static readonly TimeSpan SendTime = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public async Task Sigterm_lets_the_running_turn_and_job_finish_and_exits_zero()
    {
        var ct = TestContext.Current.CancellationToken;
        var delivered = new ConcurrentDictionary<string, int>();
        var arrived = new ConcurrentBag<string>();
        await using var connector = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            var path = context.Request.Path.Value!;
            arrived.Add(path);
            await Task.Delay(SendTime, CancellationToken.None);
            if (!context.RequestAborted.IsCancellationRequested)
            {
                delivered.AddOrUpdate(path, 1, (_, n) => n + 1);
            }

            await StubReply.Json(200, $$"""{"id":"{{Guid.NewGuid():N}}"}""").WriteAsync(context.Response, CancellationToken.None);
        }), ct);
        var serviceUrl = new Uri(connector.BaseAddress + "/amer/tenant-1/");
        var folder = Directory.CreateTempSubdirectory("ospbot-shutdown-").FullName;
        var database = $"Data Source={Path.Combine(folder, "osp.db")}";
        await PrepareAsync(database, serviceUrl, ct);

        var url = new Uri($"http://127.0.0.1:{PortFinder.Free()}");
        await using var bot = ChildProcess.Start("ospbot", "dotnet", [E2EPrerequisites.BotDll], AppContext.BaseDirectory, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["Urls"] = url.ToString(),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = database,
            ["Jobs__Outbox__DispatchCron"] = "0/2 * * ? * *",
            ["ShutdownTimeoutSeconds"] = "30",
            ["MicrosoftAppId"] = null,
            ["MicrosoftAppPassword"] = null,
        });
        using var http = new HttpClient { BaseAddress = url };
        try
        {
            await RunAsync(bot, http, serviceUrl, database, delivered, arrived, ct);
        }
        finally
        {
            output.WriteLine(bot.Output);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private async Task RunAsync(ChildProcess bot, HttpClient http, Uri serviceUrl, string database,
        ConcurrentDictionary<string, int> delivered, ConcurrentBag<string> arrived, CancellationToken ct)
    {
        await ChildHealth.WaitAsync(bot, http, ct);

        // The dispatch job is sending (first prompts in flight at the slow connector)...
        await WaitUntilAsync(() => arrived.Any(p => p.EndsWith("/activities", StringComparison.Ordinal)), ct);
        // ...and a user's message is being answered.
        var message = Activities.Message(serviceUrl, "help", conversationId: Leads.Conversation(0), fromAad: Leads.Aad(0));
        // PathString is decoded: the conversation id appears as a:lead-0.
        var reply = $"/amer/tenant-1/v3/conversations/{Leads.Conversation(0)}/activities/{message["id"]}";
        var posted = http.PostAsync("/api/messages", Activities.Json(message), ct);
        await WaitUntilAsync(() => arrived.Contains(reply), ct);

        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }

        await WaitUntilAsync(() => bot.HasExited, ct, TimeSpan.FromSeconds(40));
        clock.Stop();
        using (var response = await posted)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var states = await StatesAsync(database, ct);
        var prompts = delivered.Where(d => d.Key.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        output.WriteLine($"SHUTDOWN exit={bot.ExitCode} after_s={clock.Elapsed.TotalSeconds:F1} prompts_delivered={prompts.Count} states={string.Join(",", states.Select(s => $"{s.Key}={s.Value}"))}");
        Assert.True(bot.ExitCode == 0, $"exit code {bot.ExitCode}\n{bot.Output}");
        Assert.Equal(1, delivered.GetValueOrDefault(reply));
        Assert.All(prompts, p => Assert.Equal(1, p.Value));
        // Nothing half-written: every prompt the connector took is recorded Sent, none is left claimed.
        Assert.Equal(prompts.Count, states.GetValueOrDefault(DeliveryState.Sent));
        Assert.Equal(People, states.GetValueOrDefault(DeliveryState.Sent) + states.GetValueOrDefault(DeliveryState.Pending));
        // The console logger marks errors "fail:" and critical events "crit:".
        Assert.DoesNotContain("fail:", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", bot.Output, StringComparison.Ordinal);
    }

    /// Migrates and seeds the database in-process, then opens a round whose prompts are due at once.
    private static async Task PrepareAsync(string database, Uri serviceUrl, CancellationToken ct)
    {
        await using var app = new OspBotApp().With("Database:ConnectionString", database).With("Jobs:Outbox:DispatchEnabled", "false");
        await Leads.SeedAsync(app.Services, People, serviceUrl, DateTimeOffset.UtcNow, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<RoundAdmin>().OpenRoundAsync(Actor.Scheduler, new OpenRoundRequest
        {
            MeetingDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
            PromptAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        }, ct);
        Assert.IsType<RoundResult.Done>(opened);
    }

    private static async Task<Dictionary<DeliveryState, int>> StatesAsync(string database, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<SqliteOspDbContext>().UseSqlite(database).Options;
        await using var db = new SqliteOspDbContext(options);
        var rows = await db.Deliveries.Where(d => d.Kind == DeliveryKind.Prompt).Select(d => d.State).ToListAsync(ct);
        return rows.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
    }

    private static Task WaitUntilAsync(Func<bool> condition, CancellationToken ct, TimeSpan? limit = null) =>
        Eventually.TrueAsync(condition, limit ?? TimeSpan.FromSeconds(30), "the child bot's progress", ct);
}
