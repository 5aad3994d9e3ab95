using System.Net;
using System.Net.Sockets;
using OspBot.Tests.EndToEnd;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production.Hardening;

internal static class ChildHealth
{
    /// Waits until a bot started as a child process answers /healthz with 200; fails with its output if it exits
    /// or has not answered within two minutes (a start under other builds on a shared machine can pass one).
    public static async Task WaitAsync(ChildProcess bot, HttpClient http, CancellationToken ct)
    {
        try
        {
            await Eventually.HealthyAsync(http, new Uri(http.BaseAddress!, "/healthz"),
                () => bot.HasExited ? $"the bot exited during start-up:\n{bot.Output}" : null, TimeSpan.FromSeconds(120), ct);
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message} The bot's output:\n{bot.Output}");
        }
    }
}

internal static class PortFinder
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
