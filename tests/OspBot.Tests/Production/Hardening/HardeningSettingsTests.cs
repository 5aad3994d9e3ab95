using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Teams;
using OspBot.Teams.Hosting;
using OspBot.Teams.Schema;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production.Hardening;

/// The settings and rules behind the hardening: tenants served, request and shutdown limits, retry backoff.
public sealed class HardeningSettingsTests
{
    private const string Ours = Activities.TenantId;
    private const string Theirs = "99999999-8888-7777-6666-555555555555";

    [Theory]
    [InlineData(null, Ours, Ours, true)]        // no AllowedTenants: every tenant the channel authenticates is served
    [InlineData(null, Theirs, Theirs, true)]
    [InlineData(Ours, Ours, Ours, true)]
    [InlineData(Ours, Theirs, Theirs, false)]
    [InlineData(Ours, Ours, Theirs, false)]     // one place names another tenant
    [InlineData(Ours, Theirs, Ours, false)]
    [InlineData(Ours, null, null, false)]       // no tenant at all
    [InlineData(Ours, null, Ours, true)]        // older payloads carry it in channelData only
    public void Only_allowed_tenants_are_served(string? allowed, string? conversationTenant, string? channelDataTenant, bool served)
    {
        var options = new BotOptions { AllowedTenants = allowed is null ? [] : [allowed.ToUpperInvariant()] };
        var activity = new Activity
        {
            Type = "message",
            Conversation = new ConversationAccount { Id = "a:1", TenantId = conversationTenant },
            ChannelData = channelDataTenant is null ? null
                : Activities.Element(new JsonObject { ["tenant"] = new JsonObject { ["id"] = channelDataTenant } }.ToJsonString()),
        };

        Assert.Equal(served, TenantGate.Serves(options, activity, out _));
    }

    [Theory]
    [InlineData("AllowedTenants:0", "contoso.onmicrosoft.com", "AllowedTenants:0 'contoso.onmicrosoft.com' is not a GUID")]
    [InlineData("MessagesEndpoint:BodyTimeout", "00:00:00", "MessagesEndpoint:BodyTimeout")]
    [InlineData("MessagesEndpoint:MinBodyBytesPerSecond", "0", "MinBodyBytesPerSecond")]
    public void A_bad_hardening_setting_stops_start_up_naming_it(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new() { [key] = value }, out _));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shutdown_timeout_is_45_seconds_unless_ShutdownTimeoutSeconds_says_otherwise()
    {
        Validate([], out var defaults);
        Validate(new() { ["ShutdownTimeoutSeconds"] = "90" }, out var configured);

        Assert.Equal(TimeSpan.FromSeconds(45), defaults.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), configured.ShutdownTimeout);
    }

    [Fact]
    public void A_refused_send_waits_twice_as_long_after_each_failure_up_to_half_an_hour()
    {
        var waits = Enumerable.Range(1, 7).Select(attempt => DeliveryOutcomes.RetryDelay(TimeSpan.FromMinutes(1), attempt)).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], waits.Select(w => w.TotalMinutes));
        Assert.Equal(TimeSpan.Zero, DeliveryOutcomes.RetryDelay(TimeSpan.Zero, 3));
    }

    private static void Validate(Dictionary<string, string?> settings, out HostOptions host)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTeamsBot();
        using var app = builder.Build();
        host = app.Services.GetRequiredService<IOptions<HostOptions>>().Value;
        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }
}
