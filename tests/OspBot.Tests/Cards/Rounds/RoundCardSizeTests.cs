using OspBot.Cards.Rounds;

namespace OspBot.Tests.Cards.Rounds;

/// Teams refuses cards over 28 KB; JSON escapes make non-ASCII text cost up to 6 bytes a character.
public sealed class RoundCardSizeTests
{
    public static TheoryData<string> Units { get; } = ["Plain text. ", "é", "🎉", "<&>", "مرحبا "];

    [Fact]
    public void The_real_seed_update_fits_whole_in_the_edit_and_read_only_cards()
    {
        var seed = RoundSamples.Seed;
        Assert.StartsWith("The Stronger Communities sub-group", seed.Achievements, StringComparison.Ordinal);
        Assert.Contains("Continued support for the Stronger Communities focus", seed.Requests, StringComparison.Ordinal);

        var edit = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(seed)));
        Assert.All(UpdateTemplate.Sections, s => Assert.Equal(seed.Get(s), RoundCardChecks.Input(edit, s.InputId).GetProperty("value").GetString()));

        var summary = RoundCardChecks.AssertValid(UpdateSummaryCards.Summary(new() { Update = RoundSamples.View(seed), RecipientMri = RoundSamples.Mri }));
        Assert.All(UpdateTemplate.Sections, s => RoundCardChecks.AssertShowsEveryLine(summary, seed.Get(s)));
        Assert.Empty(RoundCardChecks.Buttons(summary, RoundVerbs.ReadUpdate));
    }

    [Fact]
    public void Four_full_sections_of_plain_text_are_all_editable_in_one_card()
    {
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(RoundSamples.AllSections(RoundSamples.Repeat("Plain text. ", 4000)))));

        Assert.All(UpdateTemplate.Sections, s => Assert.Equal(4000, RoundCardChecks.Input(card, s.InputId).GetProperty("value").GetString()!.Length));
        Assert.Empty(RoundCardChecks.Buttons(card, RoundVerbs.EditSection));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Sections_too_big_together_are_kept_whole_and_edited_one_by_one(string unit)
    {
        var text = RoundSamples.Repeat(unit, UpdateTemplate.MaxSectionChars);
        var model = RoundSamples.Edit(RoundSamples.AllSections(text));
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(model));

        var onCard = RoundCardChecks.Inputs(card).Select(i => i.GetProperty("id").GetString()!).ToHashSet();
        var kept = UpdateTemplate.Sections.Where(s => !onCard.Contains(s.InputId)).Select(s => s.InputId).ToList();
        var save = Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.SaveDraft));
        if (kept.Count == 0)
        {
            Assert.False(save.GetProperty("data").TryGetProperty(RoundData.Kept, out _));
        }
        else
        {
            Assert.Equal(string.Join(',', kept), RoundCardChecks.Data(save, RoundData.Kept));
            Assert.Equal(kept, RoundCardChecks.Buttons(card, RoundVerbs.EditSection).Select(b => RoundCardChecks.Data(b, RoundData.Section)));
        }

        // Whatever is on the card is whole: nothing is ever cut in an input.
        Assert.All(UpdateTemplate.Sections.Where(s => onCard.Contains(s.InputId)),
            s => Assert.Equal(text, RoundCardChecks.Input(card, s.InputId).GetProperty("value").GetString()));
        foreach (var section in UpdateTemplate.Sections)
        {
            var alone = RoundCardChecks.AssertValid(UpdateEditCards.EditSection(model, section));
            Assert.Equal(text, RoundCardChecks.Input(alone, section.InputId).GetProperty("value").GetString());
            Assert.Equal(
                string.Join(',', UpdateTemplate.Sections.Where(s => s != section).Select(s => s.InputId)),
                RoundCardChecks.Data(Assert.Single(RoundCardChecks.Buttons(alone, RoundVerbs.SaveDraft)), RoundData.Kept));
        }
    }

    [Fact]
    public void Escape_heavy_sections_need_their_own_cards()
    {
        var model = RoundSamples.Edit(RoundSamples.AllSections(RoundSamples.Repeat("🎉", UpdateTemplate.MaxSectionChars)));
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(model));

        Assert.NotEmpty(RoundCardChecks.Buttons(card, RoundVerbs.EditSection));
        Assert.Contains(CardQueries.Texts(card), t => t.Contains("Your full text (4,000 characters) is kept", StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_too_long_even_alone_is_not_prefilled_and_is_kept()
    {
        var text = RoundSamples.Repeat("<🎉>", 9000);
        var model = RoundSamples.Edit(new() { Achievements = text });
        var alone = RoundCardChecks.AssertValid(UpdateEditCards.EditSection(model, UpdateTemplate.Achievements));

        Assert.False(RoundCardChecks.Input(alone, UpdateInputs.Achievements).TryGetProperty("value", out _));
        Assert.Contains(UpdateInputs.Achievements, RoundCardChecks.Data(RoundCardChecks.Buttons(alone, RoundVerbs.SaveDraft)[0], RoundData.Kept).Split(','));
        Assert.Contains(CardQueries.Texts(alone), t => t.Contains("too long to show in Teams", StringComparison.Ordinal));
        RoundCardChecks.AssertValid(UpdateEditCards.Edit(model));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Read_only_cards_shorten_what_they_show_and_offer_each_section_in_full(string unit)
    {
        var text = RoundSamples.Repeat(unit, UpdateTemplate.MaxSectionChars);
        var view = RoundSamples.View(RoundSamples.AllSections(text));

        RoundCardChecks.AssertValid(UpdateSummaryCards.Summary(new() { Update = view, RecipientMri = RoundSamples.Mri }));
        var reader = RoundCardChecks.AssertValid(UpdateReaderCards.Reader(view));
        foreach (var button in RoundCardChecks.Buttons(reader, RoundVerbs.ReadUpdate))
        {
            var section = UpdateTemplate.Sections.Single(s => s.InputId == RoundCardChecks.Data(button, RoundData.Section));
            var alone = RoundCardChecks.AssertValid(UpdateReaderCards.Section(view, section));
            Assert.Contains(CardQueries.Texts(alone).Select(ReadBack), t => text.StartsWith(t.TrimEnd('…'), StringComparison.Ordinal));
        }
    }

    // What a reader sees of a multiline section: escapes resolved, doubled line breaks single again.
    internal static string ReadBack(string markdown) => CardQueries.Displayed(markdown).Replace("\n\n", "\n", StringComparison.Ordinal);
}
