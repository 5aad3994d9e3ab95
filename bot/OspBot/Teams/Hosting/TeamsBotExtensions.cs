using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OspBot.Commands;
using OspBot.Teams.Authentication;
using OspBot.Teams.Connector;

namespace OspBot.Teams.Hosting;

public static class TeamsBotExtensions
{
    /// The Bot Framework protocol (inbound auth, connector, turn pipeline) and the router over the command table.
    public static IHostApplicationBuilder AddTeamsBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BotOptions>()
            .Bind(builder.Configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.AddChannelAuthentication();
        builder.AddBotConnector();
        builder.AddMessagesEndpointLimits();

        builder.Services.TryAddSingleton<ITurnObserver, UnobservedTurns>();
        builder.Services.AddSingleton<ActivityDeduplicator>();
        builder.Services.AddSingleton<TurnRunner>();
        builder.Services.AddHostedService<TurnDrain>();
        builder.Services.AddSingleton<CloudAdapter>();
        // The router reads the command table the features fill; with no feature it still answers `help`.
        builder.Services.AddBotCommands(_ => { });
        builder.Services.AddScoped<IBot, OspTeamsBot>();
        builder.Services.AddSingleton<UnmatchedUserEmails>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnmatchedUserEmails>());
        builder.Services.AddHostedService<AuthenticationModeAnnouncer>();
        return builder;
    }

    /// POST /api/messages, the Bot Framework messaging endpoint.
    public static RouteGroupBuilder MapTeamsBot(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api");
        // Routing matches methods case-insensitively, HTTP does not (RFC 9110 9.1): "post" is another method.
        group.MapPost("/messages", (HttpRequest request, CloudAdapter adapter, CancellationToken ct) =>
                string.Equals(request.Method, HttpMethods.Post, StringComparison.Ordinal)
                    ? adapter.ProcessAsync(request, ct)
                    : Task.FromResult(Results.StatusCode(StatusCodes.Status405MethodNotAllowed)))
            .WithName("BotMessages")
            .DisableAntiforgery();
        return group;
    }
}

/// Says loudly, once, when the bot runs without channel authentication.
internal sealed class AuthenticationModeAnnouncer(IOptions<BotOptions> options, ILogger<AuthenticationModeAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.AuthenticationEnabled)
        {
            Log.AuthenticationOff(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
