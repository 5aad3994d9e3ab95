using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OspBot.Meetings;

namespace OspBot.Tests.Meetings;

public sealed class MeetingOptionsTests
{
    [Fact]
    public void Reminders_default_to_a_week_and_a_day_before()
    {
        using var app = new OspBotApp();

        Assert.Equal([TimeSpan.FromDays(7), TimeSpan.FromDays(1)], app.Services.GetRequiredService<IOptions<MeetingOptions>>().Value.Offsets);
    }

    [Fact]
    public void Configured_reminder_offsets_replace_the_defaults()
    {
        using var app = new OspBotApp()
            .With("Meetings:ReminderOffsets:0", "3.00:00:00")
            .With("Meetings:ReminderOffsets:1", "02:00:00");

        var offsets = app.Services.GetRequiredService<IOptions<MeetingOptions>>().Value.Offsets;

        Assert.Equal([TimeSpan.FromDays(3), TimeSpan.FromHours(2)], offsets);
    }

    [Fact]
    public async Task A_reminder_offset_that_is_not_positive_stops_the_host_at_start_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Meetings:ReminderOffsets:0"] = "-1.00:00:00";
        builder.AddMeetings();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Meetings:ReminderOffsets", error.Message, StringComparison.Ordinal);
    }
}
