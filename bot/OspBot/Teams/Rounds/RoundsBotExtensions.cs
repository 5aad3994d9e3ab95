using OspBot.Outbox;
using OspBot.Rounds;

namespace OspBot.Teams.Rounds;

public static class RoundsBotExtensions
{
    /// <summary>
    /// The rounds in Teams: typed commands and card actions (RoundCommands, RoundCardActions), proactive sends
    /// (ITeamsNotifier over the connector) and the dispatch job (AddRoundJobs). Call after AddRounds, AddTeamsBot
    /// and AddOspJobs.
    /// </summary>
    public static IHostApplicationBuilder AddRoundsInTeams(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<RoundCardActions>();
        builder.Services.AddScoped<PastRounds>();
        builder.Services.AddScoped<RoundCommands>();
        builder.Services.AddScoped<IOutboxRenderer, RoundDeliveryRenderer>();
        return builder;
    }
}
