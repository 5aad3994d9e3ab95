using OspBot.Cards.Rounds;
using OspBot.Rounds;
using OspBot.Tests.Cards;
using OspBot.Tests.Cards.Rounds;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Rounds;

/// Issue 3: both real updates (seeds 000 and 002), submitted, come back intact in the read-only cards built from
/// the stored version (the summary the lead sees and the reader the secretariat opens). Issue 13: they read as the
/// writer meant them: the PDF's wrapped lines reflowed into paragraphs, bullets as list items, blank lines kept as
/// gaps, RAG as a word on a tint. The stored text itself is checked in UpdateEditingTests.
public sealed class SeedRoundTripTests
{
    [Theory]
    [InlineData(SeedUpdates.Mid2019)]
    [InlineData(SeedUpdates.Early2019Ocr)]
    public async Task A_submitted_seed_is_shown_whole_in_the_read_only_cards(string seed)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero), ct);
        var round = await OpenAsync(world, ct);
        var sc = await UpdateIdAsync(world, round.RoundId, "stronger-communities", ct);
        var content = SeedUpdates.Read(seed) with { Rag = OspBot.Rounds.Rag.Amber, RagReason = "Waiting for the DWP" };
        Saved(await world.Editor().SubmitAsync(W.ScLead, sc, UpdatePatch.Replacing(content), 0, ct));

        var stored = await ViewAsync(world, W.ScLead, sc, ct);
        var summary = RoundCardChecks.AssertValid(PersonalCards.Current(stored, "29:lead", world.Clock.GetUtcNow()));
        var reader = RoundCardChecks.AssertValid(UpdateReaderCards.Reader(RoundCardMapper.ReadOnly(stored), "29:sec"));

        Assert.True(RoundCardChecks.Buttons(summary, RoundVerbs.Edit).Count > 0, "the lead's card is the read-only summary with Edit");
        Assert.Empty(RoundCardChecks.Buttons(summary, RoundVerbs.Submit));
        foreach (var card in new[] { summary, reader })
        {
            Assert.All([content.Achievements, content.Plans, content.Challenges, content.Requests], s => RoundCardChecks.AssertShowsEveryLine(card, s));
            var shown = CardQueries.Texts(card).Select(RoundCardSizeTests.ReadBack).ToList();
            // The six areas of focus are a list, one item each, in both the PDF text and the scan.
            Assert.All(["The Leys", "Rose Hill", "Littlemore", "Barton", "Wood Farm", "Northway"], area => Assert.Contains("•\u00A0" + area, shown));
            // The opening paragraph, wrapped over five lines in the PDF and the scan, is one paragraph again.
            Assert.Contains(shown, t => t.StartsWith("The Stronger Communities sub-group of the Oxford Strategic Partnership (OSP) targets the areas", StringComparison.Ordinal)
                && t.EndsWith("The areas of focus for this work are;", StringComparison.Ordinal));
            Assert.DoesNotContain(shown, t => t.Contains('\n', StringComparison.Ordinal) || t.Contains('\uF0B7', StringComparison.Ordinal));
            var rag = CardQueries.OfType(card, "Container").Single(c => CardQueries.Texts(c).Contains("RAG status: Amber — Waiting for the DWP"));
            Assert.Equal("warning", rag.GetProperty("style").GetString());
        }
    }
}
