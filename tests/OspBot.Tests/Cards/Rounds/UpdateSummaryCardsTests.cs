using OspBot.Cards.Rounds;

namespace OspBot.Tests.Cards.Rounds;

public sealed class UpdateSummaryCardsTests
{
    [Fact]
    public void Summary_shows_rag_as_a_word_on_a_tint_submitter_late_marker_carry_forward_and_edit()
    {
        var view = RoundSamples.View(RoundSamples.Seed) with { Rag = Rag.Red, IsLate = true };
        var card = RoundCardChecks.AssertValid(UpdateSummaryCards.Summary(new() { Update = view, RecipientMri = RoundSamples.Mri, CanEdit = true }));

        // The word says it; the tint behind text in the default colour only adds to it (no coloured text on white).
        var rag = CardQueries.OfType(card, "Container").Single(c => CardQueries.Texts(c).Contains("RAG status: Red — On track"));
        Assert.Equal("attention", rag.GetProperty("style").GetString());
        Assert.DoesNotContain(CardQueries.OfType(rag, "TextBlock"), t => t.TryGetProperty("color", out _));
        var texts = CardQueries.Texts(card);
        Assert.Contains("Submitted by Ada Lovelace on Wednesday 21 October 2026, 14:30", texts);
        Assert.Contains("Late: after the deadline", texts);
        Assert.Contains("Done — Shared in July", texts);
        Assert.Contains("Not reviewed", texts);
        Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.Edit));
        Assert.Empty(RoundCardChecks.Buttons(card, RoundVerbs.Approve));
    }

    [Fact]
    public void No_edit_button_once_editing_is_closed()
    {
        var card = RoundCardChecks.AssertValid(UpdateSummaryCards.Summary(new() { Update = RoundSamples.View(RoundSamples.Seed), RecipientMri = RoundSamples.Mri }));
        Assert.False(card.TryGetProperty("actions", out _));
    }

    [Fact]
    public void Awaiting_approval_offers_approve_to_the_approver_only()
    {
        var view = RoundSamples.View(RoundSamples.Seed, UpdateState.AwaitingApproval);
        var chair = RoundCardChecks.AssertValid(UpdateSummaryCards.Summary(new() { Update = view, RecipientMri = "29:chair", ViewerCanApprove = true }));
        var lead = RoundCardChecks.AssertValid(UpdateSummaryCards.Summary(new() { Update = view, RecipientMri = RoundSamples.Mri, CanEdit = true }));

        var approve = Assert.Single(RoundCardChecks.Buttons(chair, RoundVerbs.Approve));
        Assert.Equal("7", RoundCardChecks.Data(approve, RoundData.Version));
        Assert.Contains("Quarterly update awaiting approval", CardQueries.Texts(chair));
        Assert.Contains(CardQueries.Texts(chair), t => t.EndsWith("awaiting approval by Grace Hopper", StringComparison.Ordinal));
        Assert.Empty(RoundCardChecks.Buttons(lead, RoundVerbs.Approve));
        Assert.Equal(["29:chair"], chair.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [MemberData(nameof(NastyText.All), MemberType = typeof(NastyText))]
    public void Sections_show_user_text_literally_with_line_breaks(string nasty)
    {
        var view = RoundSamples.View(RoundSamples.AllSections(nasty)) with { RagReason = nasty };
        var summary = RoundCardChecks.AssertValid(UpdateSummaryCards.Summary(new() { Update = view, RecipientMri = RoundSamples.Mri }));
        var reader = RoundCardChecks.AssertValid(UpdateReaderCards.Reader(view));

        // Each paragraph or list item the reader made of the text is shown literally, once per section.
        var pieces = OspBot.Rounds.ReadOnlyLayout.Pieces(nasty);
        Assert.NotEmpty(pieces);
        foreach (var expected in pieces.Select(p => p.IsListItem ? "•\u00A0" + p.Text : p.Text).Distinct())
        {
            var times = 4 * pieces.Count(p => (p.IsListItem ? "•\u00A0" + p.Text : p.Text) == expected);
            Assert.Equal(times, CardQueries.Texts(summary).Select(RoundCardSizeTests.ReadBack).Count(t => t == expected));
            Assert.Equal(times, CardQueries.Texts(reader).Select(RoundCardSizeTests.ReadBack).Count(t => t == expected));
        }

        RoundCardChecks.AssertShowsEveryLine(reader, nasty);
        Assert.DoesNotContain(CardQueries.Texts(summary), t => t.Contains("{{", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_sections_say_nothing_was_written()
    {
        var card = RoundCardChecks.AssertValid(UpdateReaderCards.Reader(RoundSamples.View(new() { Achievements = "Done it" }, UpdateState.Draft)));
        Assert.Equal(3, CardQueries.Texts(card).Count(t => t == "Nothing written."));
        Assert.Contains("Draft, not yet submitted", CardQueries.Texts(card));
    }
}
