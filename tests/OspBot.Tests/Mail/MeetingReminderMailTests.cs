using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using OspBot.Outbox;
using W = OspBot.Tests.Meetings.MeetingsWorld;

namespace OspBot.Tests.Mail;

/// Issue 16: a partner outside the council's tenant, whom OspBot cannot reach in Teams, gets the meeting reminder by
/// e-mail (the pickup folder), once, beside the members reminded in Teams.
public sealed class MeetingReminderMailTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_partner_without_Teams_gets_the_meeting_reminder_by_e_mail_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.StartAsync(March2, null, ct);
        await world.DbAsync(db => db.People.Where(p => p.Name == "Cat")
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, "cat@police.example"), ct));
        await world.ScheduleAsync(world.TestGroupId, At("2026-11-02T10:00:00Z"), ct);
        await world.DispatchAsync(ct);   // the invitations (no calendar invites them): see MeetingInvitationMailTests

        world.Clock.SetUtcNow(At("2026-10-26T10:00:00Z"));
        var sent = await world.DispatchAsync(ct);
        var again = await world.DispatchAsync(ct);

        var message = Assert.Single(await MeetingInvitationMailTests.MailsAsync(world, "Reminder:", ct));
        Assert.Equal((3, 0), (sent, again));
        Assert.Equal("cat@police.example", message.To.Mailboxes.Single().Address);
        Assert.Equal("Reminder: Quarterly meeting, Mon 2 Nov 2026 10:00–11:00 (London time)", message.Subject);
        Assert.Contains("1. Minutes", message.TextBody, StringComparison.Ordinal);
        MailChannelTests.AssertAccessibleMail(message, "Oxford Strategic Partnership (Oxford City Council)");
        var cat = Assert.Single(await world.RemindersAsync(ct), d => d.Person!.Name == "Cat" && d.DueAt <= world.Clock.GetUtcNow());
        Assert.Equal((DeliveryState.Sent, DeliveryChannel.Email), (cat.State, cat.Channel));
        Assert.Single(world.Teams.To("aad-ann"));
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
