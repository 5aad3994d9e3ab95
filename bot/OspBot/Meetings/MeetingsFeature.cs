using OspBot.Commands;
using OspBot.Hosting;
using OspBot.Jobs.Meetings;
using OspBot.Outbox;

namespace OspBot.Meetings;

public static class MeetingsFeature
{
    /// <summary>
    /// Meetings: the Graph calendar when Graph:ClientId is set (otherwise .ics invitations), the meeting services, the
    /// `schedule meeting` and `meetings` commands and the meeting cards' buttons, the reminders the outbox sends, the
    /// upkeep job (calendar retries, app installs) and the signed .ics links (MapMeetings serves them).
    /// </summary>
    public static IHostApplicationBuilder AddMeetings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMeetingCalendar();
        builder.Services.AddMeetingServices();
        builder.Services.AddScoped<IOutboxRenderer, MeetingReminderRenderer>();
        builder.Services.AddScoped<IOutboxRenderer, MeetingInviteRenderer>();
        builder.Services.AddScoped<MeetingCardReplies>();
        builder.AddSignedLinks();
        builder.Services.AddSingleton<MeetingLinks>();
        builder.Services.AddSingleton<ScheduleOnce>();
        builder.Services.AddBotCommands(MeetingCommands.Declare);
        builder.AddMeetingJobs();
        return builder;
    }
}
