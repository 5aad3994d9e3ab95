using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.MeetingPack;
using OspBot.Meetings;
using OspBot.Outbox;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.MeetingPack;

/// Issue 15: a steering group member's meeting reminder (7 days and 1 day before) carries the newest pack's link,
/// issued to that member; before any pack is built it carries none.
public sealed class MeetingPackReminderTests
{
    [Fact]
    public async Task The_steering_group_reminder_links_the_newest_pack_for_its_member()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await MeetingPackTests.RoundWithLateAndMissingAsync(ct);
        await using var db = world.Db();
        var meeting = await db.Meetings.Select(m => m.Id).SingleAsync(ct);
        var chair = await db.People.Where(p => p.Name == "Olive OspChair").Select(p => p.Id).SingleAsync(ct);

        Assert.DoesNotContain("/meeting-pack/", await ReminderAsync(world, meeting, chair, ct), StringComparison.Ordinal);
        Found(await MeetingPackTests.Builder(world).BuildAsync(W.Secretariat, ct));
        var newest = Found(await MeetingPackTests.Builder(world).BuildAsync(W.Secretariat, ct));

        var card = await ReminderAsync(world, meeting, chair, ct);
        Assert.Contains(OspBot.Cards.Meetings.ReminderCard.PackButton, card, StringComparison.Ordinal);
        var url = new Uri(System.Text.Json.JsonDocument.Parse(card).RootElement.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("title").GetString() == OspBot.Cards.Meetings.ReminderCard.PackButton).GetProperty("url").GetString()!);
        Assert.Equal($"/meeting-pack/{newest.PackId}/download", url.AbsolutePath);
        Assert.Equal(chair, Links(world).Verify(newest.PackId, System.Web.HttpUtility.ParseQueryString(url.Query)["t"]));
    }

    private static MeetingPackLinks Links(W world) =>
        new(DataProtectionProvider.Create("OspBot.Tests.MeetingPack"), world.Clock, Options.Create(new DownloadLinkOptions()));

    private static async Task<string> ReminderAsync(W world, int meetingId, int personId, CancellationToken ct)
    {
        var db = world.Db();
        var reminders = new MeetingReminders(db, new DeliveryQueue(db), new NoMeetingRounds(), world.Clock, Options.Create(new MeetingOptions()));
        var renderer = new MeetingReminderRenderer(reminders, new MeetingPackReminderLink(world.Db(), Links(world)), world.Clock);
        var rendered = await renderer.RenderAsync(new DeliveryWork
        {
            DeliveryId = 0,
            Kind = DeliveryKind.MeetingReminder,
            RoundId = null,
            MeetingId = meetingId,
            PersonId = personId,
            PersonName = "Olive OspChair",
            IdempotencyKey = "pack-reminder",
            Attempt = 1,
        }, ct);
        return Assert.IsType<Rendered.Message>(rendered).Card.GetRawText();
    }
}
