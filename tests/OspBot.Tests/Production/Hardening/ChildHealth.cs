using System.Net;
using System.Net.Sockets;
using OspBot.Tests.EndToEnd;

namespace OspBot.Tests.Production.Hardening;

internal static class ChildHealth
{
    /// Waits until a bot started as a child process answers /healthz with 200; fails with its output if it exits.
    public static async Task WaitAsync(ChildProcess bot, HttpClient http, CancellationToken ct)
    {
        for (var i = 0; i < 600; i++)
        {
            Assert.False(bot.HasExited, $"the bot exited during start-up:\n{bot.Output}");
            try
            {
                using var response = await http.GetAsync("/healthz", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        Assert.Fail($"the bot never became healthy:\n{bot.Output}");
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
