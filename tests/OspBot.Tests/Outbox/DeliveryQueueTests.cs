using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Conversations;
using OspBot.Outbox;
using OspBot.Rounds;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Outbox;

public sealed class DeliveryQueueTests
{
    private static readonly DateTimeOffset October1 = new(2026, 10, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PromptTime = new(2026, 10, 12, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Prompts_are_handed_out_once_even_across_a_restart_mid_dispatch()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        await OpenAsync(world, ct);
        Assert.Empty(await world.Claims().ClaimDueAsync(100, ct));

        world.Clock.SetUtcNow(PromptTime);
        var first = await world.Claims().ClaimDueAsync(2, ct);
        Assert.Equal(2, first.Count);
        Assert.True(await BeginSendAsync(world, first[0], ct));
        await world.Outcomes().MarkSentAsync(first[0].DeliveryId, "1:activity", ct);
        Assert.True(await BeginSendAsync(world, first[1], ct));
        var neverStarted = await world.Claims().ClaimDueAsync(100, ct);
        Assert.Equal(2, neverStarted.Count);
        // The process dies with first[1] in flight and the others claimed but never started. A new dispatcher after
        // the leases takes those again, never first[1]; the dead one's claims are no longer good for sending.
        world.Clock.SetUtcNow(PromptTime + world.OutboxOptions.DeliveryLease + TimeSpan.FromSeconds(1));
        var rest = await world.Claims().ClaimDueAsync(100, ct);
        Assert.False(await BeginSendAsync(world, neverStarted[0], ct));
        foreach (var work in rest)
        {
            Assert.True(await BeginSendAsync(world, work, ct));
            await world.Outcomes().MarkSentAsync(work.DeliveryId, "a", ct);
        }
        Assert.Empty(await world.Claims().ClaimDueAsync(100, ct));

        Assert.Equal(neverStarted.Select(w => w.DeliveryId).Order(), rest.Select(w => w.DeliveryId).Order());
        await using var db = world.Db();
        var rows = await db.Deliveries.Include(d => d.Person).ToListAsync(ct);
        var interrupted = rows.Single(d => d.Id == first[1].DeliveryId);
        Assert.Equal((DeliveryState.Ambiguous, DeliveryReasons.Interrupted), (interrupted.State, interrupted.LastError));
        Assert.All(rows, d => Assert.Equal(rest.Any(w => w.DeliveryId == d.Id) ? 2 : 1, d.Attempts));
        // Saf Lead never installed the app; the unlinked chair has no Teams account.
        Assert.Equal(DeliveryReasons.AppNotInstalled, rows.Single(d => d.Person!.Name == "Saf Lead").LastError);
        Assert.Equal(DeliveryReasons.NotLinked, rows.Single(d => d.Person!.Name == "Unlinked Chair").LastError);
        Assert.Equal(3, rows.Count(d => d.State == DeliveryState.Sent));
    }

    [Fact]
    public async Task A_claim_never_started_goes_back_to_the_queue_after_the_claim_lease_without_waiting_for_the_send_lease()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        await OpenAsync(world, ct);
        world.Clock.SetUtcNow(PromptTime);
        var claimed = await world.Claims().ClaimDueAsync(100, ct);
        Assert.True(await BeginSendAsync(world, claimed[0], ct));

        world.Clock.SetUtcNow(PromptTime + world.OutboxOptions.ClaimLease + TimeSpan.FromSeconds(1));
        var again = await world.Claims().ClaimDueAsync(100, ct);

        Assert.Equal(claimed.Skip(1).Select(w => w.DeliveryId).Order(), again.Select(w => w.DeliveryId).Order());
        await using var db = world.Db();
        Assert.Equal(DeliveryState.Sending, (await db.Deliveries.SingleAsync(d => d.Id == claimed[0].DeliveryId, ct)).State);
    }

    [Fact]
    public async Task A_message_goes_to_the_persons_reachable_chat_seen_last_even_when_a_newer_one_is_blocked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        await using (var db = world.Db())
        {
            // Sue has blocked OspBot in her newest chat; Ed has a newer chat that works.
            db.Conversations.AddRange(
                Chat("a:sue-new", "aad-sc-lead", October1.AddMinutes(5), blocked: true),
                Chat("a:ed-new", "aad-ed-lead", October1.AddMinutes(5), blocked: false));
            await db.SaveChangesAsync(ct);
        }
        await OpenAsync(world, ct);
        world.Clock.SetUtcNow(PromptTime);

        var claimed = await world.Claims().ClaimDueAsync(100, ct);

        Assert.Equal("a:aad-sc-lead", claimed.Single(w => w.PersonName == "Sue Lead").ConversationId);
        Assert.Equal("a:ed-new", claimed.Single(w => w.PersonName == "Ed Lead").ConversationId);
    }

    private static ConversationReference Chat(string id, string aad, DateTimeOffset seen, bool blocked) => new()
    {
        ConversationId = id,
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        ConversationType = "personal",
        UserAadObjectId = aad,
        InstalledAt = seen,
        LastSeenAt = seen,
        UnreachableSince = blocked ? seen : null,
        UnreachableReason = blocked ? "ConversationBlockedByUser" : null,
    };

    private static async Task<bool> BeginSendAsync(W world, DeliveryWork work, CancellationToken ct)
    {
        await using var db = world.Db();
        return await DeliveryClaims.BeginSendAsync(db, work, world.Clock.GetUtcNow(), ct);
    }

    [Fact]
    public async Task Unreachable_people_show_on_the_status_card_with_the_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        var round = await OpenAsync(world, ct);
        world.Clock.SetUtcNow(PromptTime);
        foreach (var work in await world.Claims().ClaimDueAsync(100, ct))
        {
            if (work.PersonName == "Zed Lead")
            {
                await world.Outcomes().MarkUnreachableAsync(work.DeliveryId, "Blocked the bot (403)", ct);
            }
            else
            {
                await world.Outcomes().MarkFailedAsync(work.DeliveryId, "429", TimeSpan.FromMinutes(1), ct);
            }
        }

        var status = Found(await world.Views().StatusAsync(W.Secretariat, round.RoundId, ct));

        Assert.Equal(
            [("Saf Lead", DeliveryReasons.AppNotInstalled), ("Unlinked Chair", DeliveryReasons.NotLinked), ("Zed Lead", "Blocked the bot (403)")],
            status.Undelivered.Where(u => u.State != DeliveryState.Pending).Select(u => (u.PersonName, u.Reason!)));
        Assert.Equal("Zero Carbon Oxford Partnership", status.Undelivered.Single(u => u.PersonName == "Zed Lead").GroupName);
        // Those waiting for another try show too, with Teams' answer, until they are sent.
        Assert.Equal(["Ed Lead", "Sue Lead", "Zara Chair"],
            status.Undelivered.Where(u => u.State == DeliveryState.Pending && u.Reason == "429").Select(u => u.PersonName).Order());
        // A failed send that surely did not arrive is retried later, not lost.
        world.Clock.SetUtcNow(PromptTime + TimeSpan.FromMinutes(2));
        Assert.Equal(["Ed Lead", "Sue Lead", "Zara Chair"], (await world.Claims().ClaimDueAsync(100, ct)).Select(w => w.PersonName).Order());
    }

    [Fact]
    public async Task Remind_me_tomorrow_holds_back_chasers_until_then_and_queues_a_reminder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        var round = await OpenAsync(world, ct);
        var sc = await UpdateIdAsync(world, round.RoundId, "stronger-communities", ct);
        world.Clock.SetUtcNow(new(2026, 10, 18, 15, 0, 0, TimeSpan.Zero));

        var at = Found(await world.Editor().RemindMeTomorrowAsync(W.ScLead, sc, ct));
        Assert.Equal(new DateTimeOffset(2026, 10, 19, 8, 0, 0, TimeSpan.Zero), at);

        world.Clock.SetUtcNow(new(2026, 10, 19, 7, 59, 0, TimeSpan.Zero));
        Assert.DoesNotContain(await world.DeliveryPlanner().ChaseListAsync(world.Clock.GetUtcNow(), ct), c => c.PersonName == "Sue Lead");
        world.Clock.SetUtcNow(at);
        Assert.Contains(await world.DeliveryPlanner().ChaseListAsync(world.Clock.GetUtcNow(), ct), c => c.PersonName == "Sue Lead");
        var reminder = Assert.Single(await world.Claims().ClaimDueAsync(100, ct), w => w.Kind == DeliveryKind.Reminder);
        Assert.Equal(("Sue Lead", sc), (reminder.PersonName, reminder.UpdateId));
        Assert.Equal(RefusalReason.NoRole,
            Assert.IsType<Lookup<DateTimeOffset>.Refused>(await world.Editor().RemindMeTomorrowAsync(W.EdLead, sc, ct)).Refusal.Reason);
    }

    [Fact]
    public async Task A_chaser_for_an_update_submitted_before_it_went_out_is_cancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        var round = await OpenAsync(world, ct);
        var sc = await UpdateIdAsync(world, round.RoundId, "stronger-communities", ct);
        world.Clock.SetUtcNow(new(2026, 10, 19, 8, 0, 0, TimeSpan.Zero));
        await world.PlanDueAsync(ct);
        Saved(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(Complete()), 0, ct));

        // The next dispatch plans before it claims, and its plan takes back what is no longer wanted.
        await world.PlanDueAsync(ct);
        var claimed = await world.Claims().ClaimDueAsync(100, ct);

        Assert.DoesNotContain(claimed, w => w.Kind == DeliveryKind.Chaser && w.UpdateId == sc);
        Assert.Contains(claimed, w => w.Kind == DeliveryKind.Chaser);
    }
}
