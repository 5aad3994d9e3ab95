using OspBot.Commands;

namespace OspBot.Observability;

/// Begins the TurnOutcome of each request to the messages endpoint, so that the turn, the de-duplicator and the
/// services it calls can report into it, and measures the requests that run no turn. Added first in the pipeline
/// (an IStartupFilter), and only when telemetry is on.
internal sealed class MessagesEndpointTelemetry(RequestDelegate next)
{
    // MapTeamsBot's route.
    private static readonly PathString MessagesPath = new("/api/messages");

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.Equals(MessagesPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var outcome = TurnOutcome.Begin();
        TurnCommands.Use(context.RequestServices.GetRequiredService<CommandTable>());
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            TurnTelemetry.RequestEnded(outcome, status);
        }
    }

    internal sealed class Startup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<MessagesEndpointTelemetry>();
            next(app);
        };
    }
}
