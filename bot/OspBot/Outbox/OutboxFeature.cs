using OspBot.Jobs.Outbox;
using OspBot.Teams.Notifications;

namespace OspBot.Outbox;

public static class OutboxFeature
{
    /// <summary>
    /// The outbox of proactive messages: claims, sends and outcomes (Core), the dispatch job (every minute, and at
    /// once when a feature asks), and Teams as its channel. Rounds and Meetings add their renderers.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOutboxServices();
        builder.Services.AddSingleton<ITeamsNotifier, TeamsNotifier>();
        builder.AddOutboxJobs();
        return builder;
    }
}
