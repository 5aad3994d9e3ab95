using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Outbox;
using OspBot.Rounds;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Rounds;

public sealed class RoundLifecycleTests
{
    private static readonly DateTimeOffset October1 = new(2026, 10, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Opening_prompts_chairs_and_leads_only_and_a_second_open_for_the_quarter_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);

        Assert.Equal(RefusalReason.NotSecretariat, Assert.IsType<RoundResult.Refused>(
            await world.Admin().OpenRoundAsync(W.EdLead, new OpenRoundRequest { MeetingDate = new(2026, 11, 2) }, ct)).Refusal.Reason);
        Assert.Equal(RefusalReason.NotMatched, Assert.IsType<RoundResult.Refused>(
            await world.Admin().OpenRoundAsync(W.Stranger, new OpenRoundRequest { MeetingDate = new(2026, 11, 2) }, ct)).Refusal.Reason);

        var opened = Assert.IsType<RoundResult.Done>(
            await world.Admin().OpenRoundAsync(W.Secretariat, new OpenRoundRequest { MeetingDate = new(2026, 11, 2) }, ct));
        Assert.Equal("Q3 2026/27", opened.Round.QuarterLabel);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), opened.Round.DeadlineAt);
        Assert.Equal("Sam Secretariat", opened.Round.OpenedBy);

        await using var db = world.Db();
        var prompts = await db.Deliveries.Include(d => d.Person).Where(d => d.Kind == DeliveryKind.Prompt)
            .Select(d => d.Person!.Name).OrderBy(n => n).ToListAsync(ct);
        // Not the deputy, not the plain member, not the vacant seat; the steering group gets no update.
        Assert.Equal(["Ed Lead", "Saf Lead", "Sue Lead", "Unlinked Chair", "Zara Chair", "Zed Lead"], prompts);
        Assert.Equal(opened.Affected, prompts.Count);
        Assert.Equal(4, await db.SubGroupUpdates.CountAsync(ct));

        var again = Assert.IsType<RoundResult.AlreadyOpen>(
            await world.Admin().OpenRoundAsync(W.Secretariat, new OpenRoundRequest { MeetingDate = new(2026, 12, 1) }, ct));
        Assert.Equal(opened.Round.RoundId, again.Existing.RoundId);
        var invalid = Assert.IsType<RoundResult.Invalid>(
            await world.Admin().OpenRoundAsync(W.Secretariat, new OpenRoundRequest { MeetingDate = new(2026, 9, 1) }, ct));
        Assert.Contains("The steering group meeting must be in the future.", invalid.Errors);
    }

    [Fact]
    public async Task A_round_runs_from_prompt_to_digest_and_its_plans_carry_forward()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(October1, ct);
        var round = await OpenAsync(world, ct);
        var ed = await UpdateIdAsync(world, round.RoundId, "economic-development", ct);
        var sc = await UpdateIdAsync(world, round.RoundId, "stronger-communities", ct);
        var zc = await UpdateIdAsync(world, round.RoundId, "zero-carbon", ct);
        var sf = await UpdateIdAsync(world, round.RoundId, "safer-communities", ct);

        // The deputy drafts, the lead submits, then edits again before the deadline.
        world.Clock.SetUtcNow(new(2026, 10, 13, 9, 0, 0, TimeSpan.Zero));
        var draft = Saved(await world.Editor().SaveDraftAsync(W.EdDeputy, ed, UpdatePatch.Replacing(new UpdateContent { Achievements = "Half done" }), 0, ct));
        Assert.Equal(UpdateStatus.Draft, draft.Status);
        Assert.False(draft.Permissions.CanSubmit);
        var submitted = Saved(await world.Editor().SubmitAsync(W.EdLead, ed, UpdatePatch.Replacing(Complete()), draft.Revision, ct));
        Assert.Equal(UpdateStatus.Submitted, submitted.Status);
        Assert.Equal("Ed Lead", submitted.SubmittedBy);
        var edited = Saved(await world.Editor().SubmitAsync(W.EdLead, ed, UpdatePatch.Replacing(Complete(" and more")), submitted.Revision, ct));
        Assert.Equal(3, edited.VersionNumber);

        // Zero Carbon: the lead's submission waits for the chair.
        var zcView = Saved(await world.Editor().SubmitAsync(W.ZcLead, zc, UpdatePatch.Replacing(Complete()), 0, ct));
        Assert.Equal(UpdateStatus.AwaitingApproval, zcView.Status);
        Assert.True((await ViewAsync(world, W.ZcChair, zc, ct)).Permissions.CanApprove);
        var approved = Saved(await world.Editor().ApproveAsync(W.ZcChair, zc, null, zcView.Revision, ct));
        Assert.Equal(UpdateStatus.Submitted, approved.Status);
        Assert.Equal(("Zed Lead", "Zara Chair"), (approved.SubmittedBy, approved.ApprovedBy));

        // Chaser time (19 Oct): only the silent are chased, with the days left.
        world.Clock.SetUtcNow(new(2026, 10, 19, 8, 0, 0, TimeSpan.Zero));
        var chase = await world.DeliveryPlanner().ChaseListAsync(world.Clock.GetUtcNow(), ct);
        Assert.Equal(["Saf Lead", "Sue Lead", "Unlinked Chair"], chase.Select(c => c.PersonName).Order());
        Assert.All(chase, c => Assert.Equal(7, c.DaysLeft));
        await world.DeliveryPlanner().ScheduleDueAsync(ct);
        await world.DeliveryPlanner().ScheduleDueAsync(ct);
        await using (var db = world.Db())
        {
            Assert.Equal(3, await db.Deliveries.CountAsync(d => d.Kind == DeliveryKind.Chaser, ct));
        }

        // After the deadline: the submitted update is locked, the silent one may still come in, marked late.
        world.Clock.SetUtcNow(new(2026, 10, 26, 10, 0, 0, TimeSpan.Zero));
        var locked = Refused(await world.Editor().SubmitAsync(W.EdLead, ed, UpdatePatch.Replacing(Complete(" late edit")), edited.Revision, ct));
        Assert.Equal(RefusalReason.Locked, locked.Reason);
        Assert.Equal("Sam Secretariat", Assert.Single(locked.AskWhom).Name);
        Assert.Contains("Sam Secretariat", locked.Message, StringComparison.Ordinal);
        var late = Saved(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(Complete()), 0, ct));
        Assert.True(late.IsLate);

        // The secretariat reopens Economic Development; the lead edits and resubmits, which locks it again.
        Done(await world.Admin().ReopenAsync(W.Secretariat, ed, ct));
        var reopened = await ViewAsync(world, W.EdLead, ed, ct);
        Assert.True(reopened.Permissions.CanSubmit);
        var resubmitted = Saved(await world.Editor().SubmitAsync(W.EdLead, ed, UpdatePatch.Replacing(Complete(" reopened")), reopened.Revision, ct));
        Assert.True(resubmitted.IsLocked);
        Assert.False(resubmitted.IsLate);

        // Status shows who could not be reached and why.
        var status = Found(await world.Views().StatusAsync(W.Secretariat, round.RoundId, ct));
        Assert.Equal(UpdateStatus.NotStarted, status.Groups.Single(g => g.UpdateId == sf).Status);
        Assert.True(status.Groups.Single(g => g.UpdateId == sc).IsLate);

        // The last sub-group submits: the digest goes to the secretariat and the OSP chair.
        Saved(await world.Editor().SubmitAsync(W.SfLead, sf, UpdatePatch.Replacing(Complete()), 0, ct));
        await world.DeliveryPlanner().ScheduleDueAsync(ct);
        var digest = Found(await world.Views().DigestAsync(W.OspChair, round.RoundId, ct));
        Assert.True(digest.AllSubmitted);
        Assert.Equal("Did things reopened", digest.Groups.Single(g => g.GroupName == "Economic Development").Content!.Achievements);
        Assert.Equal(RefusalReason.NotSecretariat,
            Assert.IsType<Lookup<DigestView>.Refused>(await world.Views().DigestAsync(W.EdLead, round.RoundId, ct)).Refusal.Reason);
        await using (var db = world.Db())
        {
            Assert.Equal(["Olive OspChair", "Sam Secretariat"], await db.Deliveries.Where(d => d.Kind == DeliveryKind.Digest)
                .Select(d => d.Person!.Name).OrderBy(n => n).ToListAsync(ct));
        }

        // Next quarter: Economic Development's plans come back as items to review.
        Done(await world.Admin().CloseRoundAsync(W.Secretariat, round.RoundId, ct));
        var next = await OpenAsync(world, ct, new DateOnly(2027, 2, 1));
        var nextEd = await UpdateIdAsync(world, next.RoundId, "economic-development", ct);
        var view = await ViewAsync(world, W.EdLead, nextEd, ct);
        Assert.Equal(["Plan A", "Plan B"], view.CarryForward.Select(c => c.Text));
        var reviewed = Saved(await world.Editor().SaveDraftAsync(W.EdLead, nextEd, UpdatePatch.Replacing(new UpdateContent
        {
            PlanReviews = [new(0, PlanStatus.Done, null), new(1, PlanStatus.Slipped, "Waiting for funding")],
        }), view.Revision, ct));
        Assert.Equal([PlanStatus.Done, PlanStatus.Slipped], reviewed.CarryForward.Select(c => c.Status));
        Assert.Equal("Waiting for funding", reviewed.CarryForward[1].Note);

        var history = Found(await world.Views().HistoryAsync(W.Secretariat, "economic-development", ct));
        Assert.Equal(["Q4 2026/27", "Q3 2026/27"], history.Select(h => h.QuarterLabel));
        Assert.Equal([VersionKind.Draft, VersionKind.Submitted, VersionKind.Submitted, VersionKind.Submitted],
            history[1].Versions.Select(v => v.Kind));
        Assert.Equal("Dee Deputy", history[1].Versions[0].SavedBy);
    }
}
