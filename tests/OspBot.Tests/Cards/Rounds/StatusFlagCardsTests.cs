using OspBot.Cards.Common;
using OspBot.Cards.Rounds;

namespace OspBot.Tests.Cards.Rounds;

/// Issue 15: the flags for the steering group on the secretariat's status card (each open one with its two decisions,
/// those on the agenda without) and on the digest (text, and one button to the escalations card); valid and in size.
public sealed class StatusFlagCardsTests
{
    private static readonly StatusFlagRow Open = new("k1", "Stronger Communities", "Reported since Q1 2026/27: no *supporting* officer since February", false);
    private static readonly StatusFlagRow Tabled = new("k2", "Zero Carbon", "RAG amber two quarters running: Officer vacancy", true);

    private static RoundStatusModel Status(IReadOnlyList<SubGroupRow> rows) => new()
    {
        RoundId = "r1",
        RoundLabel = "Q3 2026/27",
        Deadline = RoundSamples.Deadline,
        Now = RoundSamples.Now,
        RecipientMri = "29:secretariat",
        Rows = rows,
        Flags = [Open, Tabled],
    };

    private static SubGroupRow Row(int i) => new()
    {
        SubGroupId = $"g{i}",
        SubGroupName = $"Sub-group number {i} with a long name",
        State = UpdateState.Submitted,
        Key = new("r1", $"u{i}", "1"),
        Submitted = new("Alan Turing", RoundSamples.Now),
        Rag = Rag.Green,
        CanReopen = true,
    };

    [Fact]
    public void The_status_card_offers_agenda_and_dismiss_for_an_open_flag_and_says_on_the_agenda_for_a_tabled_one()
    {
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Status(Status([Row(1)]) with { FlagNotice = new("Dismissed.", false) }));
        var texts = CardQueries.Texts(card).ToList();

        Assert.Contains(StatusFlagBlocks.Heading, texts);
        Assert.Contains("Dismissed.", texts);
        Assert.Contains("Reported since Q1 2026/27: no \\*supporting\\* officer since February", texts);
        Assert.Contains("RAG amber two quarters running: Officer vacancy", texts);
        Assert.Contains("On the steering group's agenda.", texts);
        var agenda = Assert.Single(RoundCardChecks.Buttons(card, CrossFeatureVerbs.FlagAgenda));
        var dismiss = Assert.Single(RoundCardChecks.Buttons(card, CrossFeatureVerbs.FlagDismiss));
        Assert.All([agenda, dismiss], b => Assert.Equal(("k1", "r1"), (RoundCardChecks.Data(b, CrossFeatureVerbs.FlagKey), RoundCardChecks.Data(b, RoundData.RoundId))));
        Assert.Equal("Auto", dismiss.GetProperty("associatedInputs").GetString());
        Assert.Equal(1000, RoundCardChecks.Input(card, CrossFeatureVerbs.FlagNoteId("k1")).GetProperty("maxLength").GetInt32());
        Assert.Empty(RoundCardChecks.Buttons(card, CrossFeatureVerbs.ShowFlags));
    }

    [Fact]
    public void Without_flags_or_a_notice_the_status_card_has_no_flag_section()
    {
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Status(Status([Row(1)]) with { Flags = [] }));
        Assert.DoesNotContain(StatusFlagBlocks.Heading, CardQueries.Texts(card));
        Assert.Empty(RoundCardChecks.Buttons(card, CrossFeatureVerbs.FlagAgenda));
    }

    [Fact]
    public void A_crowded_status_card_lists_the_flags_and_sends_to_the_escalations_card_to_decide()
    {
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Status(Status([.. Enumerable.Range(0, 30).Select(Row)])));

        // The picker's required input would go with a Dismiss: here the flags are listed and decided on the escalations card.
        Assert.Empty(RoundCardChecks.Buttons(card, CrossFeatureVerbs.FlagDismiss));
        var show = Assert.Single(RoundCardChecks.Buttons(card, CrossFeatureVerbs.ShowFlags));
        Assert.Equal((RefreshViews.Status, "r1"), (RoundCardChecks.Data(show, RoundData.View), RoundCardChecks.Data(show, RoundData.RoundId)));
        Assert.Contains("RAG amber two quarters running: Officer vacancy", CardQueries.Texts(card));
    }

    [Fact]
    public void Too_many_long_flags_are_counted_and_the_card_keeps_within_the_size_limit()
    {
        var flags = Enumerable.Range(0, 60).Select(i => Open with { Key = $"k{i}", Summary = RoundSamples.Repeat("Still no supporting officer é ", 2000) }).ToList();
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Status(Status([.. Enumerable.Range(0, 30).Select(Row)]) with { Flags = [.. flags, Tabled] }));

        Assert.Contains("61 flags raised by this round's updates, 1 of them on the steering group's agenda.", CardQueries.Texts(card));
        Assert.Single(RoundCardChecks.Buttons(card, CrossFeatureVerbs.ShowFlags));
        Assert.DoesNotContain(CardQueries.Texts(card), t => t.StartsWith("Still no supporting officer", StringComparison.Ordinal));
    }

    [Fact]
    public void The_digest_lists_the_flags_and_offers_the_escalations_card()
    {
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Digest(new()
        {
            RoundId = "r1",
            RoundLabel = "Q3 2026/27",
            Deadline = RoundSamples.Deadline,
            Rows = [Row(1)],
            RefreshUserIds = ["29:secretariat"],
            Flags = [Open, Tabled],
        }));
        var texts = CardQueries.Texts(card).ToList();

        Assert.Contains(StatusFlagBlocks.Heading, texts);
        Assert.Contains("RAG amber two quarters running: Officer vacancy", texts);
        Assert.Contains("On the steering group's agenda.", texts);
        Assert.Empty(RoundCardChecks.Buttons(card, CrossFeatureVerbs.FlagAgenda));
        var show = Assert.Single(RoundCardChecks.Buttons(card, CrossFeatureVerbs.ShowFlags));
        Assert.Equal(RefreshViews.Digest, RoundCardChecks.Data(show, RoundData.View));

        var many = Enumerable.Range(0, 60).Select(i => Open with { Key = $"k{i}", Summary = RoundSamples.Repeat("Still no supporting officer é ", 2000) }).ToList();
        var full = RoundCardChecks.AssertValid(RoundStatusCards.Digest(new() { RoundId = "r1", RoundLabel = "Q3", Deadline = RoundSamples.Deadline, Rows = [Row(1)], Flags = many }));
        Assert.Contains("60 flags raised by this round's updates, 0 of them on the steering group's agenda.", CardQueries.Texts(full));

        var none = RoundCardChecks.AssertValid(RoundStatusCards.Digest(new() { RoundId = "r1", RoundLabel = "Q3", Deadline = RoundSamples.Deadline, Rows = [Row(1)] }));
        Assert.DoesNotContain(StatusFlagBlocks.Heading, CardQueries.Texts(none));
    }
}
