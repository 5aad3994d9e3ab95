using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Moq;
using OspBot.Conversations;
using OspBot.Teams;
using OspBot.Teams.Connector;

namespace OspBot.Tests.Teams.Connector;

/// The connector as AddBotConnector registers it, with fast retries and the stub's loopback host.
internal sealed class ConnectorTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    public ConnectorTestHost(Action<BotOptions>? bot = null, Action<ConnectorOptions>? connector = null, IBotTokenProvider? tokens = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.Configure<BotOptions>(o => bot?.Invoke(o));
        builder.AddBotConnector();
        builder.Services.Configure<ConnectorOptions>(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(20);
            o.MaxDelay = TimeSpan.FromSeconds(3);
            o.MaxRetries = 3;
            connector?.Invoke(o);
        });
        builder.Services.AddSingleton(Reachability.Object);
        if (tokens is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(tokens));
        }

        _host = builder.Build();
    }

    public Mock<IConversationReachability> Reachability { get; } = new();

    public IConnectorClient Client => _host.Services.GetRequiredService<IConnectorClient>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }
}

internal sealed class FakeBotTokenProvider(string? token) : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult(token);
}
