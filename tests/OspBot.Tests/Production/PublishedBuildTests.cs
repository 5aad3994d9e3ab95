using System.Net;
using OspBot.Tests.Data;

namespace OspBot.Tests.Production;

/// Issue 17: the self-contained build an operator deploys (`dotnet publish bot/OspBot -c Release -r linux-x64
/// --self-contained`) starts in an empty folder, on a machine without the .NET runtime's help, from environment
/// variables alone, on PostgreSQL, and answers its health probes.
[Collection(PostgresTests.Name)]
public sealed class PublishedBuildTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task The_self_contained_build_starts_from_environment_variables_in_an_empty_folder_and_answers_healthz()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var repository = Builds.RepositoryRoot() ?? throw new InvalidOperationException("OspBot.sln not found above the test output");
        var executable = await Builds.PublishSelfContainedAsync(repository, ct);
        var emptyFolder = TestDatabases.TempFolder();
        var environment = new Dictionary<string, string?>
        {
            // Only what an operator sets; nothing the test runner's own environment would lend it.
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["DOTNET_ROOT"] = null,
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = await postgres.CreateDatabaseAsync(ct),
            ["Logging__Console__FormatterName"] = "json",
        };
        var bot = BotInstance.Start("published", environment, executable, emptyFolder);
        using var http = new HttpClient();
        try
        {
            await bot.WaitHealthyAsync(http, ct);
            using var live = await http.GetAsync(new Uri(bot.Url, "/healthz/live"), ct);
            using var ready = await http.GetAsync(new Uri(bot.Url, "/healthz"), ct);
            var readiness = await ready.Content.ReadAsStringAsync(ct);

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Contains("\"database\":{\"status\":\"Healthy\"", readiness, StringComparison.Ordinal);
            Assert.Contains("\"scheduler\":{\"status\":\"Healthy\"", readiness, StringComparison.Ordinal);
            Assert.Contains("\"EventId\":", bot.Output, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(emptyFolder));
        }
        catch
        {
            output.WriteLine(bot.Describe());
            throw;
        }
        finally
        {
            // The build is 170 MB: it goes with the test.
            await bot.DisposeAsync();
            Directory.Delete(Path.GetDirectoryName(executable)!, recursive: true);
            Directory.Delete(emptyFolder, recursive: true);
        }
    }
}
