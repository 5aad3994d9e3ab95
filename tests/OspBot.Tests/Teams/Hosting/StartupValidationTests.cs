using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OspBot.Teams.Hosting;

namespace OspBot.Tests.Teams.Hosting;

/// Bad configuration stops start-up with a message that says what to set.
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("SingleTenant", "bbbbbbbb-0000-0000-0000-00000000b0b0", "secret", null, "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "bbbbbbbb-0000-0000-0000-00000000b0b0", null, "11111111-2222-3333-4444-555555555555", "MicrosoftAppPassword")]
    [InlineData("MultiTenant", "bbbbbbbb-0000-0000-0000-00000000b0b0", null, null, "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "bbbbbbbb-0000-0000-0000-00000000b0b0", "secret", "11111111-2222-3333-4444-555555555555", "remove MicrosoftAppPassword")]
    [InlineData("SingleTenant", "not-a-guid", "secret", "11111111-2222-3333-4444-555555555555", "MicrosoftAppId 'not-a-guid' is not a GUID")]
    [InlineData("SingleTenant", "bbbbbbbb-0000-0000-0000-00000000b0b0", "secret", "contoso", "MicrosoftAppTenantId 'contoso'")]
    public void A_bad_bot_identity_fails_validation_naming_the_setting(string type, string appId, string? password, string? tenant, string expected)
    {
        var error = ValidationError(new()
        {
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_app_type_fails_validation()
    {
        var error = ValidationError(new() { ["MicrosoftAppType"] = "Multitennant", ["MicrosoftAppId"] = "bbbbbbbb-0000-0000-0000-00000000b0b0" });

        Assert.Contains("MicrosoftAppType", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://*:3978")]
    [InlineData("http://+:3978")]
    [InlineData("http://localhost:3978;http://10.1.2.3:3978")]
    [InlineData("http://ospbot.example:3978")]
    public void Without_authentication_the_bot_refuses_to_listen_beyond_loopback(string urls)
    {
        var error = ValidationError(new() { ["urls"] = urls });

        Assert.Contains("AllowUnauthenticatedNonLoopback", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:3978")]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("http://[::1]:3978")]
    public void Without_authentication_loopback_is_fine(string urls) =>
        Assert.Null(ValidationError(new() { ["urls"] = urls }));

    [Fact]
    public void Listening_beyond_loopback_without_authentication_can_be_allowed_explicitly() =>
        Assert.Null(ValidationError(new() { ["urls"] = "http://0.0.0.0:3978", ["AllowUnauthenticatedNonLoopback"] = "true" }));

    [Fact]
    public async Task The_real_process_exits_at_start_up_with_the_message()
    {
        var (exitCode, output) = await RunUntilExitAsync(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "bbbbbbbb-0000-0000-0000-00000000b0b0",
            ["MicrosoftAppPassword"] = "secret",
        }, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("MicrosoftAppTenantId", output, StringComparison.Ordinal);
    }

    /// Runs the real bot process with <paramref name="environment"/> (on a throwaway SQLite file, on a port of its
    /// own) until it exits, within a minute; its exit code and everything it printed.
    internal static async Task<(int ExitCode, string Output)> RunUntilExitAsync(Dictionary<string, string> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OspBot.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"ospbot-start-{Guid.NewGuid():N}.db")}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// Runs the start-up validation AddTeamsBot registers, without starting anything.
    internal static string? ValidationError(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddTeamsBot();
        using var app = builder.Build();
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or AggregateException)
        {
            return ex.ToString();
        }
    }
}
