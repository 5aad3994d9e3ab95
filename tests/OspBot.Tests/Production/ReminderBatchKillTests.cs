using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OspBot.Conversations;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production;

/// Issue 6, beside RestartAfterKillTests: one instance killed with SIGKILL in the middle of a meeting's reminder batch
/// (stored MeetingReminder deliveries, sent by the same every-second dispatch job as prompts), then restarted.
[Collection(PostgresTests.Name)]
public sealed class ReminderBatchKillTests(PostgresFixture postgres, ITestOutputHelper output)
{
    internal const int Members = 200;

    [Fact]
    public async Task Killed_mid_reminder_batch_and_restarted_every_member_is_reminded_at_most_once_and_only_sends_in_flight_are_in_doubt()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        await using var connector = await FakeConnector.StartAsync();
        connector.Respond = ProductionWorld.AnswerNamingTheConversation;
        connector.ResponseDelay = TimeSpan.FromMilliseconds(100);

        await using var run = await CrashAndRestart.StartAsync(database, output, ct);
        await BookMeetingForBigGroupAsync(database, connector.ServiceUrl, ct);
        await connector.WaitUntilAsync(_ => ProductionWorld.Proactive(connector).Count >= 40, "40 proactive messages", ct, TimeSpan.FromSeconds(60));
        var (killedAt, deliveredBeforeKill) = (await run.KillAndRestartAsync(ct), ProductionWorld.Proactive(connector).Count);

        var reminders = await run.GuardAsync(() =>
            ProductionWorld.SettledAsync(database, DeliveryKind.MeetingReminder, Members, TimeSpan.FromSeconds(120), ct));

        output.WriteLine($"{deliveredBeforeKill} reminders reached the connector before the kill; after the restart: " +
            string.Join(", ", reminders.GroupBy(r => r.State).Select(g => $"{g.Count()} {g.Key}")));
        var ambiguousArrived = ProductionWorld.AssertDeliveredAtMostOnce(reminders, connector, Members, killedAt);
        output.WriteLine($"of the Ambiguous, {ambiguousArrived} had reached the connector");
        Assert.True(deliveredBeforeKill < Members, "the kill landed after the reminders were sent");
        Assert.InRange(reminders.Count(r => r.State == DeliveryState.Ambiguous), 0, OutboxDispatcher.ParallelSends);
        Assert.All(ProductionWorld.Proactive(connector).SelectMany(g => g),
            r => Assert.Contains("Quarterly review", r.Body!.Value.GetRawText(), StringComparison.Ordinal));
    }

    /// A sub-group of <see cref="Members"/> members, each with a chat on the fake connector (named as the leads of
    /// ProductionWorld), and a meeting booked for it by the secretariat through MeetingScheduler, without Graph, on a
    /// clock ten minutes behind: its one reminder (an hour before) is queued ahead, and is due for the bot at once.
    /// <param name="byEmail">Members to be e-mailed (ContactChannel.Email), with no Teams chat at all.</param>
    internal static async Task BookMeetingForBigGroupAsync(string database, Uri serviceUrl, CancellationToken ct, bool byEmail = false)
    {
        await using var db = TestDatabases.Postgres(database);
        var group = new Group { Key = "big-group", Name = "Big Group", Kind = GroupKind.SubGroup };
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Members; i++)
        {
            db.People.Add(new Person
            {
                Name = $"Member {i}",
                EntraObjectId = $"aad-lead-{i}",
                Email = $"member{i}@example.org",
                Memberships = [new Membership { Group = group, Role = MembershipRole.Member }],
                Channel = byEmail ? ContactChannel.Email : null,
            });
            if (byEmail)
            {
                continue;
            }
            db.Conversations.Add(Leads.Chat(i, serviceUrl, now));
        }
        await db.SaveChangesAsync(ct);
        var secretariat = await db.People.Where(p => p.IsSecretariat && !p.IsVacant).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);

        var clock = new FakeTimeProvider(now.AddMinutes(-10));
        var options = Options.Create(new MeetingOptions { ReminderOffsets = [TimeSpan.FromHours(1)] });
        var deliveries = new DeliveryQueue(db);
        var reminders = new MeetingReminders(db, deliveries, new NoMeetingRounds(), clock, options);
        var calendar = new MeetingCalendarAvailability(null);
        var meetings = new MeetingScheduler(db, calendar, reminders, new NoMeetingRounds(), clock, options, NullLogger<MeetingScheduler>.Instance);
        var start = now.AddHours(1);
        var booked = await meetings.ScheduleAsync(Actor.FromPerson(secretariat), new ScheduleMeetingRequest
        {
            GroupId = group.Id,
            Title = "Quarterly review",
            Agenda = "1. Minutes",
            Start = start,
            End = start.AddHours(1),
        }, ct);

        var done = Assert.IsType<MeetingResult<MeetingChange>.Done>(booked).Value;
        Assert.Equal((MeetingState.Scheduled, Members), (done.Meeting.State, done.RemindersQueued));
        Assert.True(await db.Deliveries.Where(d => d.Kind == DeliveryKind.MeetingReminder).AllAsync(d => d.DueAt <= now.AddSeconds(1), ct));
    }
}
