using OspBot.Api;
using OspBot.Meetings;
using OspBot.Outbox;

namespace OspBot.Teams.Meetings;

public static class MeetingsBotExtensions
{
    /// <summary>
    /// Meetings in Teams: the `schedule meeting` and `meetings` commands, the meeting cards' buttons, and the signed
    /// .ics links (MapMeetings serves them). Call after AddMeetings, AddTeamsBot and AddReports
    /// (whose Data Protection key ring and Reports:PublicBaseUrl the links share).
    /// </summary>
    public static IHostApplicationBuilder AddMeetingsInTeams(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<MeetingCardActions>();
        builder.Services.AddScoped<MeetingCommands>();
        builder.Services.AddScoped<PersonLookup>();
        builder.Services.AddSingleton<MeetingLinks>();
        builder.Services.AddSingleton<ScheduleOnce>();
        builder.Services.AddScoped<IOutboxRenderer, MeetingReminderRenderer>();
        return builder;
    }
}
