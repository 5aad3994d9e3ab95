using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Outbox;
using OspBot.Rounds;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Rounds;

public sealed class UpdateEditingTests
{
    private static readonly DateTimeOffset October13 = new(2026, 10, 13, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(W World, int Update)> StrongerCommunitiesAsync(CancellationToken ct)
    {
        var world = await W.CreateAsync(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero), ct);
        var round = await OpenAsync(world, ct);
        world.Clock.SetUtcNow(October13);
        return (world, await UpdateIdAsync(world, round.RoundId, "stronger-communities", ct));
    }

    [Theory]
    [InlineData(SeedUpdates.Mid2019)]
    [InlineData(SeedUpdates.Early2019Ocr)]
    public async Task A_real_update_submitted_comes_back_as_entered_with_its_bullets_normalised(string seed)
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await StrongerCommunitiesAsync(ct);
        await using var _ = world;
        var content = SeedUpdates.Read(seed);
        Assert.All([content.Achievements, content.Plans, content.Challenges, content.Requests], s => Assert.InRange(s!.Length, 1, 4000));

        var view = Saved(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(content), 0, ct));

        await using var db = world.Db();
        var stored = await db.UpdateVersions.SingleAsync(v => v.SubGroupUpdateId == sc, ct);
        AssertBulletsNormalised(content.Achievements!, stored.Achievements);
        AssertBulletsNormalised(content.Plans!, stored.Plans);
        AssertBulletsNormalised(content.Challenges!, stored.Challenges);
        AssertBulletsNormalised(content.Requests!, stored.Requests);
        Assert.Equal(VersionKind.Submitted, stored.Kind);
        Assert.Equal(stored.Achievements, view.Content.Achievements);
        Assert.Contains("\n• The Leys", stored.Achievements, StringComparison.Ordinal);
    }

    // Line by line: a line that began with Word's symbol-font bullet (U+F0B7) or OCR's "e" before a capital begins
    // with "• " and otherwise reads the same; every other line, and every line break, is exactly as entered.
    private static void AssertBulletsNormalised(string entered, string? stored)
    {
        var before = entered.Split('\n');
        var after = stored!.Split('\n');
        Assert.Equal(before.Length, after.Length);
        foreach (var (typed, kept) in before.Zip(after))
        {
            var body = typed.TrimStart();
            var expected = body.StartsWith('\uF0B7') ? "• " + body[1..].TrimStart()
                : body.StartsWith("e ", StringComparison.Ordinal) && body.Length > 2 && char.IsUpper(body.TrimStart('e', ' ')[0]) ? "• " + body[2..].TrimStart()
                : body;
            Assert.Equal(typed[..(typed.Length - body.Length)] + expected, kept);
        }

        Assert.DoesNotContain('\uF0B7', stored);
    }

    [Fact]
    public async Task Unicode_and_line_breaks_are_stored_as_typed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await StrongerCommunitiesAsync(ct);
        await using var _ = world;
        const string text = "Zoë’s café — “MECC” 🌱\r\n\r\n  • indented line\n\ttab\u00A0nbsp  ";

        Saved(await world.Editor().SaveDraftAsync(W.ScLead, sc, UpdatePatch.Replacing(new UpdateContent { Achievements = text, Requests = "Ωμέγα\n" }), 0, ct));

        var view = await ViewAsync(world, W.ScLead, sc, ct);
        Assert.Equal(text, view.Content.Achievements);
        Assert.Equal("Ωμέγα\n", view.Content.Requests);
    }

    [Fact]
    public async Task Sections_are_limited_to_4000_characters_and_an_overlong_one_is_not_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await StrongerCommunitiesAsync(ct);
        await using var _ = world;
        var atLimit = Saved(await world.Editor().SaveDraftAsync(W.ScLead, sc, UpdatePatch.Replacing(new UpdateContent { Plans = new string('x', 4000) }), 0, ct));

        var tooLong = new UpdateContent { Plans = new string('x', 4000), Challenges = new string('é', 4001) };
        var result = Assert.IsType<UpdateResult.Invalid>(await world.Editor().SaveDraftAsync(W.ScLead, sc, UpdatePatch.Replacing(tooLong), atLimit.Revision, ct));

        var error = Assert.Single(result.Errors);
        Assert.Equal(UpdateField.Challenges, error.Field);
        Assert.Contains("4,001", error.Message, StringComparison.Ordinal);
        Assert.False(result.DraftKept);
        // What was typed comes back to re-render the card with, all of it.
        Assert.True(tooLong.SameAs(result.Entered));
        Assert.Equal(tooLong.Challenges, result.Entered.Challenges);
        Assert.Equal(1, result.View.VersionNumber);
    }

    [Fact]
    public async Task Submitting_without_a_required_section_keeps_the_text_as_a_draft()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await StrongerCommunitiesAsync(ct);
        await using var _ = world;
        var partial = new UpdateContent { Achievements = "Done a lot", Plans = "   ", Rag = Rag.Amber };

        var result = Assert.IsType<UpdateResult.Invalid>(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(partial), 0, ct));

        Assert.Equal([UpdateField.Plans, UpdateField.Challenges, UpdateField.RagReason], result.Errors.Select(e => e.Field));
        Assert.True(result.DraftKept);
        Assert.Equal(UpdateStatus.Draft, result.View.Status);
        Assert.Equal("Done a lot", result.View.Content.Achievements);
        // Section 4 is optional: with 1-3 filled in and a reason, the same update goes through.
        var ok = Saved(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(partial with { Plans = "p", Challenges = "c", RagReason = "Funding late" }), result.View.Revision, ct));
        Assert.Equal(UpdateStatus.Submitted, ok.Status);
    }

    [Fact]
    public async Task People_without_the_role_are_refused_politely_and_strangers_see_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await StrongerCommunitiesAsync(ct);
        await using var _ = world;
        Saved(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(Complete()), 0, ct));

        var member = Assert.IsType<UpdateResult.Refused>(await world.Editor().SaveDraftAsync(W.ScMember, sc, UpdatePatch.Replacing(Complete("x")), 1, ct));
        Assert.Equal(RefusalReason.NoRole, member.Refusal.Reason);
        Assert.StartsWith("Sorry, only the chair, leads and deputies", member.Refusal.Message, StringComparison.Ordinal);
        Assert.Null(member.Current);
        Assert.Equal(RefusalReason.NoRole, Refused(await world.Editor().SubmitAsync(W.EdLead, sc, UpdatePatch.Replacing(Complete()), 1, ct)).Reason);

        var stranger = Assert.IsType<Lookup<UpdateView>.Refused>(await world.Editor().GetUpdateForEditingAsync(W.Stranger, sc, ct));
        Assert.Equal(RefusalReason.NotMatched, stranger.Refusal.Reason);
        Assert.Equal(RefusalReason.NotMatched,
            Assert.IsType<Lookup<IReadOnlyList<HistoryEntry>>.Refused>(await world.Views().HistoryAsync(W.Stranger, "stronger-communities", ct)).Refusal.Reason);

        // The secretariat and the OSP chair read, but cannot write.
        Assert.Equal(UpdatePermissions.ReadOnly, (await ViewAsync(world, W.Secretariat, sc, ct)).Permissions);
        Assert.Equal("Did things", (await ViewAsync(world, W.OspChair, sc, ct)).Content.Achievements);
    }

    [Fact]
    public async Task A_deputy_drafts_but_cannot_submit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero), ct);
        var round = await OpenAsync(world, ct);
        var ed = await UpdateIdAsync(world, round.RoundId, "economic-development", ct);

        var refused = Assert.IsType<UpdateResult.Refused>(await world.Editor().SubmitAsync(W.EdDeputy, ed, UpdatePatch.Replacing(Complete()), 0, ct));

        Assert.Equal(RefusalReason.DeputyCannotSubmit, refused.Refusal.Reason);
        Assert.NotNull(refused.Current);
        Assert.Equal(0, refused.Current.VersionNumber);
    }

    [Fact]
    public async Task A_double_click_stores_one_version()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await StrongerCommunitiesAsync(ct);
        await using var _ = world;

        var first = Assert.IsType<UpdateResult.Saved>(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(Complete()), 0, ct));
        var second = Assert.IsType<UpdateResult.Saved>(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(Complete()), 0, ct));

        Assert.False(first.WasDuplicate);
        Assert.True(second.WasDuplicate);
        Assert.Equal(first.View.Revision, second.View.Revision);
        await using var db = world.Db();
        Assert.Equal(1, await db.UpdateVersions.CountAsync(v => v.SubGroupUpdateId == sc, ct));
    }

    [Fact]
    public async Task An_action_from_a_superseded_card_is_answered_with_the_current_state()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await StrongerCommunitiesAsync(ct);
        await using var _ = world;
        Saved(await world.Editor().SaveDraftAsync(W.ScLead, sc, UpdatePatch.Replacing(new UpdateContent { Achievements = "v1" }), 0, ct));
        Saved(await world.Editor().SaveDraftAsync(W.ScLead, sc, UpdatePatch.Replacing(new UpdateContent { Achievements = "v2" }), 1, ct));

        // A card drawn before both saves (token 0), now with different text.
        var stale = Assert.IsType<UpdateResult.Stale>(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(Complete()), 0, ct));

        Assert.Equal(2, stale.Current.Revision);
        Assert.Equal("v2", stale.Current.Content.Achievements);
        await using var db = world.Db();
        Assert.Equal(2, await db.UpdateVersions.CountAsync(v => v.SubGroupUpdateId == sc, ct));
    }

    [Fact]
    public async Task After_the_secretariat_closes_the_round_nothing_more_is_accepted()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, sc) = await StrongerCommunitiesAsync(ct);
        await using var _ = world;
        var view = await ViewAsync(world, W.ScLead, sc, ct);
        Done(await world.Admin().CloseRoundAsync(W.Secretariat, view.RoundId, ct));

        var refused = Refused(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(Complete()), view.Revision, ct));

        Assert.Equal(RefusalReason.RoundClosed, refused.Reason);
        Assert.Contains("Sam Secretariat", refused.Message, StringComparison.Ordinal);
        await using var db = world.Db();
        // Nothing is prompted or chased any more; only the digest, queued by closing, is still to go.
        var pending = await db.Deliveries.Where(d => d.State == DeliveryState.Pending).Select(d => d.Kind).ToListAsync(ct);
        Assert.NotEmpty(pending);
        Assert.All(pending, k => Assert.Equal(DeliveryKind.Digest, k));
    }
}
