using MimeKit;
using OspBot.Outbox;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Production;

/// Issue 16, as ReminderBatchKillTests for Teams: a meeting's reminders to members reached by e-mail only (the pickup
/// folder, no Graph), the instance killed with SIGKILL mid-batch and restarted. Each member gets at most one e-mail;
/// an e-mail is Sent exactly when its file is there; only writes under way at the kill are in doubt.
[Collection(PostgresTests.Name)]
public sealed class MailBatchKillTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Members = ReminderBatchKillTests.Members;

    [Fact]
    public async Task Killed_mid_e_mail_batch_and_restarted_every_member_is_e_mailed_at_most_once_and_only_writes_in_flight_are_in_doubt()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(ct);
        var pickup = Path.Combine(Path.GetTempPath(), "ospbot-mail-kill", Guid.NewGuid().ToString("N"));
        await using var connector = await FakeConnector.StartAsync();

        await using var run = await CrashAndRestart.StartAsync(database, output, ct, ("Mail__PickupFolder", pickup));
        await ReminderBatchKillTests.BookMeetingForBigGroupAsync(database, connector.ServiceUrl, ct, byEmail: true);
        await Eventually.TrueAsync(() => ReminderMails(pickup).Count >= 20, TimeSpan.FromSeconds(60), "20 reminder e-mails in the pickup folder", ct);
        await run.KillAndRestartAsync(ct);
        var writtenBeforeKill = ReminderMails(pickup).Count;

        var reminders = await run.GuardAsync(() =>
            ProductionWorld.SettledAsync(database, DeliveryKind.MeetingReminder, Members, TimeSpan.FromSeconds(120), ct));

        var byAddress = ReminderMails(pickup).GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{writtenBeforeKill} e-mails written before the kill; after the restart: " +
            string.Join(", ", reminders.GroupBy(r => r.State).Select(g => $"{g.Count()} {g.Key}")));
        Assert.True(writtenBeforeKill < Members, "the kill landed after the e-mails were written");
        Assert.All(byAddress, a => Assert.True(a.Value == 1, $"{a.Key} got {a.Value} e-mails"));
        Assert.All(reminders, r =>
        {
            Assert.Equal(DeliveryChannel.Email, r.Channel);
            Assert.True(r.State is DeliveryState.Sent or DeliveryState.Ambiguous, $"{r.Person!.Email}: {r.State} ({r.LastError})");
            if (r.State == DeliveryState.Sent)
            {
                Assert.True(byAddress.ContainsKey(r.Person!.Email!), $"{r.Person.Email} is Sent but has no e-mail");
            }
        });
        Assert.InRange(reminders.Count(r => r.State == DeliveryState.Ambiguous), 0, OutboxDispatcher.ParallelSends);
        Assert.Empty(ProactiveRequests(connector));
    }

    private static string[] Files(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];

    /// The reminders only: the meeting was booked without a calendar, so each member's invitation is e-mailed too.
    private static List<MimeMessage> ReminderMails(string folder) =>
        [.. Files(folder).Select(f => MimeMessage.Load(f)).Where(m => m.Subject?.StartsWith("Reminder:", StringComparison.Ordinal) == true)];

    private static IEnumerable<ConnectorRequest> ProactiveRequests(FakeConnector connector) =>
        ProductionWorld.Proactive(connector).SelectMany(g => g);
}
