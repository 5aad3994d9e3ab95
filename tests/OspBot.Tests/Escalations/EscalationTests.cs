using OspBot.Escalations;
using OspBot.Rounds;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Escalations;

/// Issue 15: a block reported in consecutive quarters, in whatever words, is flagged; different blocks and a gap
/// between quarters are not; amber or red two quarters running is flagged too.
public sealed class EscalationTests
{
    private static readonly FinancialQuarter Q1 = new(2026, 1);
    private static readonly FinancialQuarter Q2 = new(2026, 2);
    private static readonly FinancialQuarter Q3 = new(2026, 3);

    [Fact]
    public void The_same_block_in_different_words_in_consecutive_quarters_is_flagged_since_it_was_first_reported()
    {
        var flags = PersistentBlocks.Find([
            new(Q1, "• No supporting officer since February\n• Venue costs", Rag.Green, null),
            new(Q2, "• Still no supporting officer since February, which slows everything", Rag.Green, null),
            new(Q3, "• Funding for the youth hub ends in March\n• We still have no supporting officer since February, which slows everything down", Rag.Green, null),
        ]);

        var flag = Assert.Single(flags);
        Assert.Equal((EscalationKind.Challenge, Q1, Q3), (flag.Kind, flag.Since, flag.Latest));
        Assert.Equal("We still have no supporting officer since February, which slows everything down", flag.Text);
        Assert.Equal("No supporting officer since February", flag.FirstWording);
    }

    [Fact]
    public void Different_blocks_and_a_quarter_missed_between_are_not_flagged()
    {
        Assert.Empty(PersistentBlocks.Find([
            new(Q2, "No supporting officer since February", Rag.Green, null),
            new(Q3, "Funding for the youth hub ends in March", Rag.Green, null),
        ]));
        Assert.Empty(PersistentBlocks.Find([
            new(Q1, "No supporting officer since February", Rag.Amber, null),
            new(Q3, "Still no supporting officer since February", Rag.Red, null),
        ]));
        Assert.Empty(PersistentBlocks.Find([new(Q3, "No supporting officer since February", Rag.Red, null)]));
    }

    [Theory]
    [InlineData("There are no particular challenges or blocks to progress to report currently.")] // seeds 000 and 002
    [InlineData("None")]
    [InlineData("N/A")]
    [InlineData("Nothing to report this quarter.")]
    public void Saying_there_is_no_challenge_quarter_after_quarter_is_not_a_persistent_challenge(string nil)
    {
        Assert.Empty(PersistentBlocks.Find([new(Q1, nil, Rag.Green, null), new(Q2, nil, Rag.Green, null), new(Q3, nil, Rag.Green, null)]));
        Assert.Empty(OspBot.Requests.RequestRules.Split(nil));
    }

    [Fact]
    public void Amber_or_red_two_quarters_running_is_flagged_and_green_between_is_not()
    {
        var flag = Assert.Single(PersistentBlocks.Find([new(Q1, null, Rag.Red, null), new(Q2, null, Rag.Amber, null), new(Q3, "None", Rag.Red, "Officer vacancy")]));
        Assert.Equal((EscalationKind.Rag, Q1, "RAG amber or red three quarters running: Officer vacancy"), (flag.Kind, flag.Since, flag.Text));
        Assert.Equal("RAG amber two quarters running", Assert.Single(PersistentBlocks.Find([new(Q2, null, Rag.Amber, null), new(Q3, null, Rag.Amber, null)])).Text);
        Assert.Empty(PersistentBlocks.Find([new(Q2, null, Rag.Green, null), new(Q3, null, Rag.Red, null)]));
        Assert.Empty(PersistentBlocks.Find([new(Q2, null, Rag.Amber, null), new(Q3, null, Rag.Green, null)]));
    }

    [Fact]
    public async Task Flags_come_from_the_submitted_updates_and_the_secretariat_dismisses_one_with_a_note()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), ct);
        var q2 = Done(await world.Admin().OpenRoundAsync(W.Secretariat, new OpenRoundRequest { MeetingDate = new(2026, 8, 10), Quarter = Q2 }, ct));
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 22, 10, 0, 0, TimeSpan.Zero));
        await SubmitAsync(world, q2.RoundId, "stronger-communities", W.ScLead, "No supporting officer since February", Rag.Amber, ct);
        await SubmitAsync(world, q2.RoundId, "economic-development", W.EdLead, "Funding for the youth hub ends in March", Rag.Green, ct);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero));
        var q3 = await OpenAsync(world, ct);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 10, 0, 0, TimeSpan.Zero));
        await SubmitAsync(world, q3.RoundId, "stronger-communities", W.ScLead, "Still no supporting officer since February, which slows everything", Rag.Red, ct);
        await SubmitAsync(world, q3.RoundId, "economic-development", W.EdLead, "The venue for the jobs fair is not confirmed", Rag.Green, ct);

        var flags = Found(await Finder(world).FlagsAsync(W.Secretariat, ct));
        Assert.Equal(
            ["Reported since Q2 2026/27: Still no supporting officer since February, which slows everything", "RAG amber or red two quarters running: Officer vacancy"],
            flags.Select(f => f.Summary));
        Assert.All(flags, f => Assert.Equal("Stronger Communities", f.GroupName));
        Assert.IsType<Lookup<IReadOnlyList<EscalationView>>.Refused>(await Finder(world).FlagsAsync(W.ScLead, ct));

        Assert.Contains("note", await Finder(world).DecideAsync(W.Secretariat, flags[1].Key, EscalationDecisionKind.Dismissed, " ", ct), StringComparison.Ordinal);
        Assert.Contains("schedule meeting", await Finder(world).DecideAsync(W.Secretariat, flags[0].Key, EscalationDecisionKind.OnAgenda, null, ct), StringComparison.Ordinal);
        Assert.Null(await Finder(world).DecideAsync(W.Secretariat, flags[1].Key, EscalationDecisionKind.Dismissed, "An interim officer starts on Monday", ct));
        Assert.NotNull(await Finder(world).DecideAsync(W.ScLead, flags[0].Key, EscalationDecisionKind.Dismissed, "Not mine to dismiss", ct));

        var after = Found(await Finder(world).FlagsAsync(W.Secretariat, ct));
        Assert.Equal([(null, null), (EscalationDecisionKind.Dismissed, "An interim officer starts on Monday")], after.Select(f => (f.Decision, f.Note)));

        // What the rounds' status card and digest get: the quarter's flags not dismissed, for the secretariat alone.
        var forRounds = new EscalationStatusFlags(world.Db(), Finder(world));
        Assert.Equal([(flags[0].Key, "Stronger Communities", flags[0].Summary, false)],
            (await forRounds.OpenFlagsAsync(W.Secretariat, Q3, ct)).Select(f => (f.Key, f.GroupName, f.Summary, f.OnAgenda)));
        Assert.Empty(await forRounds.OpenFlagsAsync(W.Secretariat, Q2, ct));
        foreach (var other in new[] { W.ScLead, W.OspChair, OspBot.Members.Actor.Scheduler, W.Stranger })
        {
            Assert.Empty(await forRounds.OpenFlagsAsync(other, Q3, ct));
        }
    }

    private static EscalationFinder Finder(W world) => new(world.Db(), world.Clock);

    private static async Task SubmitAsync(W world, int roundId, string group, OspBot.Members.Actor lead, string challenges, Rag rag, CancellationToken ct)
    {
        var update = await UpdateIdAsync(world, roundId, group, ct);
        var result = await world.Editor().SubmitAsync(lead, update, UpdatePatch.Replacing(Complete() with { Challenges = challenges, Rag = rag, RagReason = rag == Rag.Green ? null : "Officer vacancy" }), 0, ct);
        Assert.True(result is UpdateResult.Saved, $"{group}: {result}");
    }
}

/// The secretariat's flags card: valid for Teams, undecided flags with both buttons, decided ones with the decision.
public sealed class EscalationCardTests
{
    [Fact]
    public void Undecided_flags_offer_agenda_and_dismiss_and_decided_ones_say_what_was_decided()
    {
        var card = OspBot.Cards.Escalations.EscalationCards.Flags(new([
            new("k1", "Stronger Communities", "Reported since Q1 2026/27: no *supporting* officer", null),
            new("k2", "Zero Carbon", "RAG red two quarters running", "Dismissed: interim officer"),
        ], null, false)).ToJsonElement();

        OspBot.Tests.Schemas.AdaptiveCardSchema.AssertValid(card);
        var json = card.GetRawText();
        Assert.Equal("k1", CardData.Of(card, OspBot.Cards.Escalations.EscalationVerbs.Agenda)["flag"]!.GetValue<string>());
        Assert.Equal("k1", CardData.Of(card, OspBot.Cards.Escalations.EscalationVerbs.Dismiss)["flag"]!.GetValue<string>());
        Assert.Contains("Dismissed: interim officer", json, StringComparison.Ordinal);
        Assert.Contains("no \\\\*supporting\\\\* officer", json, StringComparison.Ordinal);
    }
}
