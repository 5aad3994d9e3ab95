using OspBot.Graph;
using OspBot.Meetings;

namespace OspBot.Tests.Meetings;

/// Bad requests are refused before anything reaches Graph, with a message the secretariat understands.
public sealed class MeetingValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, Func<MeetingDraft, MeetingDraft>, string> BadDrafts => new()
    {
        { "past", d => d with { Start = Now.AddHours(-2), End = Now.AddHours(-1) }, "starts in the past" },
        { "end before start", d => d with { End = d.Start.AddMinutes(-30) }, "before it starts" },
        { "no members", d => d with { Attendees = [] }, "no members" },
        { "bad e-mail", d => d with { Attendees = [new("not an address")] }, "is not an e-mail address" },
        { "no subject", d => d with { Subject = " " }, "subject" },
        { "no transaction id", d => d with { TransactionId = "" }, "transaction id" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task A_bad_meeting_is_refused_and_nothing_is_sent(string because, Func<MeetingDraft, MeetingDraft> spoil, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);

        var error = await Assert.ThrowsAsync<CalendarException>(
            () => stub.Calendar().CreateAsync(spoil(GraphCalendarRequestTests.Draft(Now.AddDays(7))), ct));

        Assert.Equal(CalendarFailure.Invalid, error.Reason);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(stub.Requests.Count == 0, because);
    }

    [Fact]
    public async Task A_move_to_an_end_before_its_start_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);

        var error = await Assert.ThrowsAsync<CalendarException>(
            () => stub.Calendar().MoveAsync("e1", Now.AddDays(2), Now.AddDays(1), ct));

        Assert.Equal(CalendarFailure.Invalid, error.Reason);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Slots_for_a_group_with_no_members_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);

        var error = await Assert.ThrowsAsync<CalendarException>(
            () => stub.Calendar().FindSlotsAsync([], Now.AddDays(1), Now.AddDays(3), TimeSpan.FromHours(1), ct));

        Assert.Equal("The group has no members to invite.", error.Message);
        Assert.Empty(stub.Requests);
    }
}
