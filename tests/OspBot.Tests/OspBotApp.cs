using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OspBot.Tests;

/// The whole bot through its real HTTP pipeline, on a fresh SQLite database file of its own.
public sealed class OspBotApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ospbot-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _services = [];

    public OspBotApp()
    {
        Directory.CreateDirectory(_dataDirectory);
        _settings["Database:Provider"] = "Sqlite";
        _settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "ospbot.db")}";
        _settings["Mail:PickupFolder"] = Path.Combine(_dataDirectory, "mail");
        // The roster look-up for an unmatched user's e-mail is a background call of its own: tests that count the
        // connector's requests would see it. UnmatchedEmailInTeamsTests turns it on (the product's default).
        _settings["Teams:LookUpUnmatchedEmails"] = "false";
    }

    public string DataDirectory => _dataDirectory;

    /// Sets a configuration value before the app is built (UseSetting also reaches what Program reads early).
    public OspBotApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public OspBotApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner; the test result does not depend on it.
        }
    }
}
