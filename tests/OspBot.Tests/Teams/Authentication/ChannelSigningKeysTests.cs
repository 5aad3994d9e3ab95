using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OspBot.Tests.Teams.Authentication;

/// When the channel's signing keys are (re)loaded, and what happens when they cannot be.
public sealed class ChannelSigningKeysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rotated_key_is_picked_up_by_one_reload_and_unknown_kids_reload_at_most_every_five_minutes()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        Assert.True((await auth.ValidateTokenAsync(auth.Mint())).IsValid);
        Assert.Equal(1, auth.Keys.KeyRequests);

        auth.Keys.Publish(TestSigningKey.Rotated, ["msteams"]);
        Assert.True((await auth.ValidateTokenAsync(auth.Mint(key: TestSigningKey.Rotated))).IsValid);
        Assert.Equal(2, auth.Keys.KeyRequests);

        Assert.False((await auth.ValidateTokenAsync(auth.Mint(key: TestSigningKey.Unpublished))).IsValid);
        Assert.Equal(2, auth.Keys.KeyRequests);

        auth.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False((await auth.ValidateTokenAsync(auth.Mint(key: TestSigningKey.Unpublished))).IsValid);
        Assert.False((await auth.ValidateTokenAsync(auth.Mint(key: TestSigningKey.Unpublished))).IsValid);
        Assert.Equal(3, auth.Keys.KeyRequests);
    }

    [Fact]
    public async Task Concurrent_first_requests_load_the_keys_once()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        var token = auth.Mint();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => auth.ValidateTokenAsync(token), Ct)));

        Assert.All(results, r => Assert.True(r.IsValid, r.FailureReason));
        Assert.Equal(1, auth.Keys.KeyRequests);
    }

    [Fact]
    public async Task Keys_are_reloaded_once_they_are_24_hours_old()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        Assert.True((await auth.ValidateTokenAsync(auth.Mint())).IsValid);
        auth.Keys.Withdraw(TestSigningKey.Published);
        auth.Keys.Publish(TestSigningKey.Rotated, ["msteams"]);

        auth.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        Assert.True((await auth.ValidateTokenAsync(auth.Mint())).IsValid);
        Assert.Equal(1, auth.Keys.KeyRequests);

        auth.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False((await auth.ValidateTokenAsync(auth.Mint())).IsValid);
        Assert.True((await auth.ValidateTokenAsync(auth.Mint(key: TestSigningKey.Rotated))).IsValid);
        Assert.Equal(2, auth.Keys.KeyRequests);
    }

    [Theory]
    [InlineData(KeyServerOutage.ServerError)]
    [InlineData(KeyServerOutage.MalformedDocuments)]
    public async Task Tokens_are_rejected_without_an_exception_while_the_keys_cannot_be_loaded(KeyServerOutage outage)
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        auth.Keys.Outage = outage;

        var result = await auth.ValidateTokenAsync(auth.Mint());

        Assert.False(result.IsValid);
        Assert.Equal(1, auth.Keys.MetadataRequests);
        Assert.Contains(auth.Logs.Entries, e => e.Level == LogLevel.Error && e.Event.Id == 2102);
        Assert.Contains(auth.Logs.Entries, e => e.Level == LogLevel.Warning && e.Event.Id == 2100);
    }

    [Fact]
    public async Task Tokens_are_rejected_without_an_exception_when_the_metadata_host_refuses_connections()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct, o => o.ChannelOpenIdMetadataUrl = $"http://127.0.0.1:{ClosedPort()}/openid");

        Assert.False((await auth.ValidateTokenAsync(auth.Mint())).IsValid);

        static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }

    [Fact]
    public async Task A_failed_load_is_retried_after_30_seconds()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        auth.Keys.Outage = KeyServerOutage.ServerError;
        Assert.False((await auth.ValidateTokenAsync(auth.Mint())).IsValid);

        auth.Keys.Outage = KeyServerOutage.None;
        Assert.False((await auth.ValidateTokenAsync(auth.Mint())).IsValid);
        Assert.Equal(1, auth.Keys.MetadataRequests);

        auth.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await auth.ValidateTokenAsync(auth.Mint())).IsValid);
        Assert.Equal(2, auth.Keys.MetadataRequests);
    }

    [Fact]
    public async Task An_outage_after_keys_were_loaded_keeps_the_last_known_keys()
    {
        await using var auth = await ChannelAuthHarness.StartAsync(Ct);
        Assert.True((await auth.ValidateTokenAsync(auth.Mint())).IsValid);
        auth.Keys.Outage = KeyServerOutage.ServerError;

        auth.Clock.Advance(TimeSpan.FromHours(25));
        var result = await auth.ValidateTokenAsync(auth.Mint());

        Assert.True(result.IsValid, result.FailureReason);
        Assert.Equal(2, auth.Keys.MetadataRequests);
    }
}
