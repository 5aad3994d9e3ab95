using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using static OspBot.Tests.Meetings.MeetingsWire;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Meetings;

/// Issue 13: booking on a weekend or an England and Wales bank holiday books the meeting and warns on its
/// confirmation; the reminders are counted in people, not messages.
public sealed class MeetingDayWarningTests
{
    // gov.uk's published England and Wales bank holidays, substitute days included.
    public static TheoryData<string> Published { get; } =
    [
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
        "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
        "2022-12-26", "2022-12-27",
    ];

    [Theory]
    [MemberData(nameof(Published))]
    public void Each_published_bank_holiday_is_known(string day) =>
        Assert.NotNull(BankHolidays.Name(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Reminders_are_worded_as_people_and_times_before()
    {
        Assert.Equal("Reminders will go to 10 members, 7 days and 1 day before.",
            OspBot.Meetings.ScheduledWording.Reminders(new(10, [TimeSpan.FromDays(7), TimeSpan.FromDays(1)])));
        Assert.Equal("A reminder will go to 1 member, 2 hours before.", OspBot.Meetings.ScheduledWording.Reminders(new(1, [TimeSpan.FromHours(2)])));
        Assert.Equal("No reminders are due before it.", OspBot.Meetings.ScheduledWording.Reminders(OspBot.Meetings.ReminderPlan.None));
    }

    [Fact]
    public void Every_year_to_2030_has_its_eight_holidays_and_no_more_all_on_weekdays()
    {
        for (var year = 2024; year <= 2030; year++)
        {
            var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(d => new DateOnly(year, 1, 1).AddDays(d)).ToList();
            var holidays = days.Where(d => BankHolidays.Name(d) is not null).ToList();
            Assert.Equal(8, holidays.Count);
            Assert.DoesNotContain(holidays, BankHolidays.IsWeekend);
        }
        Assert.Equal(new DateOnly(2030, 4, 21), BankHolidays.EasterSunday(2030));
        Assert.Null(BankHolidays.Name(new DateOnly(2026, 12, 26))); // a Saturday: the holiday moves to Monday 28th
    }

    [Theory]
    [InlineData("2026-10-18", "Please check the date: Sunday 18 October 2026 is a weekend.")]
    [InlineData("2026-12-28", "Please check the date: Monday 28 December 2026 is Boxing Day, a bank holiday in England and Wales.")]
    [InlineData("2026-10-19", null)]
    public async Task A_meeting_on_a_weekend_or_bank_holiday_is_booked_with_a_warning(string day, string? warning)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var card = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, "Hubs review", date: date), ct);

        var text = Text(card);
        Assert.Contains("Meeting scheduled.", text, StringComparison.Ordinal);
        Assert.Equal(1, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Meetings.CountAsync(ct)));
        var members = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Memberships
            .CountAsync(m => m.Group!.Key == groupA && !m.Person!.IsVacant, ct));
        Assert.Contains($"Reminders will go to {(members == 1 ? "1 member" : $"{members} members")}, 7 days and 1 day before.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reminders are queued", text, StringComparison.Ordinal);
        if (warning is null)
        {
            Assert.DoesNotContain("Please check the date", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(warning, text, StringComparison.Ordinal);
        }
    }
}
