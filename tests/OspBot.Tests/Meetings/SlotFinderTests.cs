using OspBot.Meetings;

namespace OspBot.Tests.Meetings;

public sealed class SlotFinderTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    [Fact]
    public void Only_weekday_working_hours_in_London_are_proposed()
    {
        // Friday 3 April 2026 (BST) 15:00 London to Monday 6 April 10:00; everyone always free.
        var start = new DateTimeOffset(2026, 4, 3, 14, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero);
        var slots = (int)((end - start) / HalfHour);

        var found = SlotFinder.Find(start, end, TimeSpan.FromHours(1), HalfHour, [new("ana@osp.test", new string('0', slots))]);

        Assert.Equal(
            ["Fri 15:00", "Fri 15:30", "Fri 16:00", "Mon 09:00"],
            found.Slots.Select(s => TimeZoneInfo.ConvertTime(s.Start, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Nobody_free_gives_no_slots_and_a_reason()
    {
        var start = new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

        var found = SlotFinder.Find(start, start.AddHours(2), TimeSpan.FromHours(1), HalfHour,
            [new("ana@osp.test", "2222"), new("ben@osp.test", "3333")]);

        Assert.Empty(found.Slots);
        Assert.Contains("has any member free", found.EmptyReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_graph_could_not_read_counts_as_unknown_not_free()
    {
        var start = new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

        var found = SlotFinder.Find(start, start.AddHours(1), TimeSpan.FromHours(1), HalfHour,
            [new("ana@osp.test", "00"), new("ext@elsewhere.test", null)]);

        var slot = Assert.Single(found.Slots);
        Assert.Equal(50, slot.Confidence);
        Assert.Equal(Availability.Unknown, slot.Attendees[1].Availability);
    }
}
