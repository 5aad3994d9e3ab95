using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OspBot.Hosting;

namespace OspBot.Tests.Hosting;

/// Behind the council's load balancer every request comes from the balancer. With ReverseProxy:TrustedNetworks set,
/// the address in its X-Forwarded-For is the caller's, so one partner's address is limited, not everybody's; without
/// it, or from an address not listed, the header is ignored. Through real Kestrel on loopback (the "proxy").
public sealed class ReverseProxyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The apologies page allows 30 requests a minute from one address, whatever the link.
    private const int PerAddress = 30;

    [Fact]
    public async Task From_a_trusted_proxy_each_forwarded_address_has_its_own_limit()
    {
        using var app = Listening(new OspBotApp().With("ReverseProxy:TrustedNetworks:0", "127.0.0.0/8"));
        using var http = app.CreateClient();

        var first = await StatusesAsync(http, "203.0.113.7", PerAddress + 1);
        var other = await StatusesAsync(http, "203.0.113.8", 1);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first.Take(PerAddress));
        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, Assert.Single(other));
    }

    [Theory]
    [InlineData(null)]             // not configured: the bot is reached directly
    [InlineData("10.0.0.0/16")]    // configured, but this request did not come from the proxy
    public async Task Otherwise_the_header_is_ignored_and_the_sender_is_limited_by_its_own_address(string? trusted)
    {
        using var app = Listening(trusted is null ? new OspBotApp() : new OspBotApp().With("ReverseProxy:TrustedNetworks:0", trusted));
        using var http = app.CreateClient();

        var first = await StatusesAsync(http, "203.0.113.7", PerAddress);
        var claimed = await StatusesAsync(http, "203.0.113.8", 1);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, Assert.Single(claimed));
    }

    [Theory]
    [InlineData("proxy.example")]
    [InlineData("10.0.0.0/99")]
    public void A_bad_entry_stops_start_up_naming_it(string entry)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ReverseProxy:TrustedNetworks:0"] = entry });
        builder.AddReverseProxy();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value);

        Assert.Contains($"ReverseProxy:TrustedNetworks:0 '{entry}' is not an IP address or a network", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.4", "10.0.0.4/32")]
    [InlineData("10.0.0.0/16", "10.0.0.0/16")]
    [InlineData("fd00::1", "fd00::1/128")]
    public void An_address_is_a_network_of_one(string entry, string network) =>
        Assert.Equal(IPNetwork.Parse(network), ReverseProxyOptions.ParseOrNull(entry));

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient http, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            // A link that does not work still counts against the address: that is what stops guessing.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/mail/apologies/1?t=guess" + i);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await http.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static OspBotApp Listening(OspBotApp app)
    {
        app.UseKestrel(FreePort());
        app.StartServer();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
