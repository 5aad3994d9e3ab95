using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OspBot.Tests.Fakes;
using OspBot.Tests.Production.Hardening;
using OspBot.Tests.Teams.Authentication;

namespace OspBot.Tests.Hosting;

/// A first start on a fresh SQLite file (migrations, directory seed, scheduler, key ring) says nothing an operator
/// would have to look into: no warning, no error.
public sealed class QuietStartTests
{
    [Fact]
    public async Task A_fresh_start_as_production_runs_it_logs_no_warning()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var keys = await ChannelKeyServer.StartAsync(ct);
        var logs = new CapturingLoggerProvider();
        await using var app = HostileCorpusTests.AuthenticatedApp(keys, logs);

        await StartAsync(app, ct);

        Assert.Empty(Loud(logs));
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Applied ", StringComparison.Ordinal) && e.Message.Contains("database migration(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fresh_local_start_warns_only_that_authentication_is_off()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        await using var app = new OspBotApp().WithServices(s => s.AddSingleton<ILoggerProvider>(logs));

        await StartAsync(app, ct);

        var loud = Assert.Single(Loud(logs));
        Assert.Contains("channel authentication is OFF", loud, StringComparison.Ordinal);
    }

    private static async Task StartAsync(OspBotApp app, CancellationToken ct)
    {
        using var client = app.CreateClient();
        using var health = await client.GetAsync("/healthz", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static List<string> Loud(CapturingLoggerProvider logs) =>
        [.. logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Level} {e.Category}: {e.Message}")];
}
