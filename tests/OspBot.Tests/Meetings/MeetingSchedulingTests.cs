using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;
using W = OspBot.Tests.Meetings.MeetingsWorld;

namespace OspBot.Tests.Meetings;

/// Booking without Graph (the local default): saved, reminded, an .ics offered, and the secretariat told why.
public sealed class MeetingSchedulingTests
{
    // Mon 2 Mar 2026 09:00 London (GMT).
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March30At10London = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Without_Graph_the_meeting_and_its_reminders_are_saved_and_the_secretariat_is_told_no_invitation_went()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);

        var done = await world.ScheduleAsync(world.TestGroupId, March30At10London, ct);

        Assert.False(done.InvitationSent);
        Assert.Equal(MeetingInvitationFallback.NotConfigured, done.NoInvitationReason);
        Assert.Contains("No calendar invitation was sent because Microsoft Graph is not configured", done.NoInvitationReason, StringComparison.Ordinal);
        Assert.Equal(MeetingState.Scheduled, done.Meeting.State);
        Assert.False(done.Meeting.InCalendar);
        Assert.Equal("Mon 30 Mar 2026 10:00", done.Meeting.When);
        Assert.Null(done.Round);
        // Ann, Bob and Cat, 7 days and 1 day before.
        Assert.Equal(6, done.RemindersQueued);
        var reminders = await world.RemindersAsync(ct);
        Assert.Equal(6, reminders.Count);
        Assert.All(reminders, d => Assert.Equal((DeliveryState.Pending, done.Meeting.MeetingId, (int?)null), (d.State, d.MeetingId!.Value, d.RoundId)));
        Assert.Equal(6, reminders.Select(d => d.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task The_ics_invitation_is_offered_for_the_meeting_and_a_cancellation_once_cancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        var done = await world.ScheduleAsync(world.TestGroupId, March30At10London, ct);

        var ics = Assert.IsType<MeetingResult<IcsFile>.Done>(
            await world.WithAsync((MeetingQueries m) => m.InvitationAsync(W.Sam, done.Meeting.MeetingId, ct))).Value;

        Assert.Equal("text/calendar; charset=utf-8; method=REQUEST", ics.ContentType);
        Assert.EndsWith("2026-03-30.ics", ics.FileName, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/London:20260330T100000", ics.Content, StringComparison.Ordinal);
        Assert.Matches(@"ORGANIZER;CN=""?Sam""?:mailto:sam@osp\.test", ics.Content);
        Assert.Contains("mailto:ann@osp.test", ics.Content, StringComparison.Ordinal);
        Assert.Contains("mailto:cat@osp.test", ics.Content, StringComparison.Ordinal);
        Assert.Contains(@"DESCRIPTION:1. Minutes\n2. Budget", ics.Content, StringComparison.Ordinal);

        Assert.IsType<MeetingResult<MeetingChange>.Done>(await world.WithAsync((MeetingChanges m) => m.CancelAsync(W.Sam, done.Meeting.MeetingId, null, ct)));
        var cancel = Assert.IsType<MeetingResult<IcsFile>.Done>(
            await world.WithAsync((MeetingQueries m) => m.InvitationAsync(W.Sam, done.Meeting.MeetingId, ct))).Value;
        Assert.Contains("METHOD:CANCEL", cancel.Content, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", cancel.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_are_refused_plainly_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        var empty = await world.DbAsync(async db =>
        {
            var g = new Group { Key = "empty", Name = "Empty", Kind = GroupKind.SubGroup };
            db.Groups.Add(g);
            await db.SaveChangesAsync(ct);
            return g.Id;
        });

        async Task<IReadOnlyList<string>> InvalidAsync(int groupId, DateTimeOffset start, DateTimeOffset end) =>
            Assert.IsType<MeetingResult<MeetingChange>.Invalid>(await world.WithAsync((MeetingScheduler m) => m.ScheduleAsync(W.Sam,
                new ScheduleMeetingRequest { GroupId = groupId, Title = "x", Start = start, End = end }, ct))).Errors;

        Assert.Contains("starts in the past", Assert.Single(await InvalidAsync(world.TestGroupId, March2.AddDays(-1), March2)), StringComparison.Ordinal);
        Assert.Contains("before it starts", Assert.Single(await InvalidAsync(world.TestGroupId, March30At10London, March30At10London.AddHours(-1))), StringComparison.Ordinal);
        Assert.Equal("The group has no members to invite.", Assert.Single(await InvalidAsync(empty, March30At10London, March30At10London.AddHours(1))));
        Assert.Equal(0, await world.DbAsync(db => db.Meetings.CountAsync(ct)));
        Assert.Empty(await world.RemindersAsync(ct));
    }

    [Fact]
    public async Task Only_the_secretariat_books_moves_cancels_and_reads_apologies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        var id = (await world.ScheduleAsync(world.TestGroupId, March30At10London, ct)).Meeting.MeetingId;
        var request = new ScheduleMeetingRequest { GroupId = world.TestGroupId, Title = "x", Start = March30At10London, End = March30At10London.AddHours(1) };

        Assert.Equal(RefusalReason.NotSecretariat, Refusal(await world.WithAsync((MeetingScheduler m) => m.ScheduleAsync(W.Ann, request, ct))));
        Assert.Equal(RefusalReason.NotMatched, Refusal(await world.WithAsync((MeetingScheduler m) => m.ScheduleAsync(Actor.FromTeams("aad-nobody"), request, ct))));
        Assert.Equal(RefusalReason.NotSecretariat, Refusal(await world.WithAsync((MeetingChanges m) => m.CancelAsync(W.Ann, id, null, ct))));
        Assert.Equal(RefusalReason.NotSecretariat, Refusal(await world.WithAsync((MeetingChanges m) =>
            m.MoveAsync(W.Bob, new MoveMeetingRequest { MeetingId = id, Start = March30At10London, End = March30At10London.AddHours(2) }, ct))));
        Assert.IsType<MeetingResult<IReadOnlyList<ApologyView>>.Refused>(await world.WithAsync((MeetingQueries m) => m.ListApologiesAsync(W.Ann, id, ct)));
        Assert.Equal(1, await world.DbAsync(db => db.Meetings.CountAsync(ct)));
    }

    [Fact]
    public async Task Free_busy_and_responses_need_Graph_and_say_so()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        var id = (await world.ScheduleAsync(world.TestGroupId, March30At10London, ct)).Meeting.MeetingId;

        var slots = Assert.IsType<MeetingResult<SlotSuggestions>.NeedsCalendar>(await world.WithAsync((MeetingScheduler m) => m.ProposeSlotsAsync(W.Sam,
            new SlotRequest { GroupId = world.TestGroupId, Duration = TimeSpan.FromHours(1), WindowStart = March30At10London, WindowEnd = March30At10London.AddDays(5) }, ct)));
        var responses = Assert.IsType<MeetingResult<ResponsesView>.NeedsCalendar>(await world.WithAsync((MeetingQueries m) => m.GetResponsesAsync(W.Sam, id, ct)));

        Assert.Contains("needs Microsoft Graph", slots.Message, StringComparison.Ordinal);
        Assert.Contains("not configured", responses.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_send_apologies_the_secretariat_lists_them_and_their_reminders_stop()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        var id = (await world.ScheduleAsync(world.TestGroupId, March30At10London, ct)).Meeting.MeetingId;

        Assert.IsType<MeetingResult<ApologyView>.Done>(await world.WithAsync((MeetingChanges m) => m.SendApologiesAsync(W.Ann, id, "On leave", ct)));
        Assert.IsType<MeetingResult<ApologyView>.Done>(await world.WithAsync((MeetingChanges m) => m.SendApologiesAsync(W.Ann, id, "On leave that week", ct)));
        var stranger = await world.WithAsync((MeetingChanges m) => m.SendApologiesAsync(W.Sam, id, null, ct));

        Assert.Equal(RefusalReason.NoRole, Assert.IsType<MeetingResult<ApologyView>.Refused>(stranger).Refusal.Reason);
        var list = Assert.IsType<MeetingResult<IReadOnlyList<ApologyView>>.Done>(await world.WithAsync((MeetingQueries m) => m.ListApologiesAsync(W.Sam, id, ct))).Value;
        Assert.Equal(("Ann", "On leave that week"), (Assert.Single(list).PersonName, list[0].Note));
        var reminders = await world.RemindersAsync(ct);
        Assert.All(reminders.Where(r => r.Person!.Name == "Ann"), r => Assert.Equal(DeliveryState.Cancelled, r.State));
        Assert.All(reminders.Where(r => r.Person!.Name != "Ann"), r => Assert.Equal(DeliveryState.Pending, r.State));
    }

    [Fact]
    public async Task Members_OspBot_cannot_message_are_listed_for_the_secretariat()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        await world.DbAsync(db => db.Conversations.Where(c => c.UserAadObjectId == "aad-bob").ExecuteDeleteAsync(ct));

        var list = Assert.IsType<MeetingResult<IReadOnlyList<MemberReach>>.Done>(
            await world.WithAsync((MeetingQueries m) => m.MembersWithoutAppAsync(W.Sam, world.TestGroupId, ct))).Value;

        Assert.Equal([("Bob", DeliveryReasons.AppNotInstalled), ("Cat", DeliveryReasons.NotLinked)], list.Select(r => (r.Name, r.Reason)));
    }

    private static RefusalReason Refusal<T>(MeetingResult<T> result) => Assert.IsType<MeetingResult<T>.Refused>(result).Refusal.Reason;
}
