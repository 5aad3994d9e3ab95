using OspBot.Meetings;

namespace OspBot.Tests.Meetings;

public sealed class MeetingCardMapperTests
{
    [Fact]
    public void Reminder_offsets_read_as_the_secretariat_would_say_them()
    {
        Assert.Equal("7 days and 1 day before", MeetingCardMapper.RemindersLine([TimeSpan.FromDays(1), TimeSpan.FromDays(7)]));
        Assert.Equal("2 days, 1 day 2 hours and 20 hours 48 minutes before",
            MeetingCardMapper.RemindersLine([new TimeSpan(20, 48, 0), TimeSpan.FromDays(2), new TimeSpan(1, 2, 0, 0)]));
        Assert.Equal("30 minutes before", MeetingCardMapper.RemindersLine([TimeSpan.FromMinutes(30)]));
        Assert.Equal("None", MeetingCardMapper.RemindersLine([]));
    }
}
