using OspBot.Cards.Rounds;

namespace OspBot.Tests.Cards.Rounds;

/// Issue 15: under section 4 the lead can check how the requests will be listed before submitting; the card that
/// comes back lists them and keeps Save draft and Submit as they are.
public sealed class RequestSplitCardTests
{
    [Fact]
    public void Without_a_register_the_card_offers_no_check()
    {
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(RoundSamples.Seed)));

        Assert.Empty(RoundCardChecks.Buttons(card, RoundVerbs.CheckRequests));
    }

    [Fact]
    public void The_check_button_sits_under_section_4_sends_the_inputs_and_lists_nothing_before_it_is_pressed()
    {
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(RoundSamples.Seed) with { OffersRequestCheck = true }));

        var check = Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.CheckRequests));
        Assert.Equal(RequestSplitParts.CheckTitle, check.GetProperty("title").GetString());
        Assert.Equal(RoundSamples.Key.Version, RoundCardChecks.Data(check, RoundData.Version));
        Assert.Equal("Auto", check.GetProperty("associatedInputs").GetString());
        var body = card.GetProperty("body").EnumerateArray().ToList();
        var section4 = body.FindIndex(e => e.TryGetProperty("id", out var id) && id.GetString() == UpdateInputs.Requests);
        Assert.Equal("ActionSet", body[section4 + 1].GetProperty("type").GetString());
        Assert.DoesNotContain(CardQueries.Texts(card), t => t.Contains("requests register", StringComparison.Ordinal));
        Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.Submit));
        Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.SaveDraft));
    }

    [Fact]
    public void After_the_check_the_card_lists_each_request_numbered_and_says_how_to_change_the_split()
    {
        var model = RoundSamples.Edit(RoundSamples.Seed) with
        {
            OffersRequestCheck = true,
            RequestSplit = ["A venue for the summit, in March", "Data on NEETs by ward *now*"],
        };
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(model));

        var texts = CardQueries.Texts(card);
        var heading = texts.FindIndex(t => t == "These go to the OSP's requests register as 2 requests:");
        Assert.True(heading >= 0, string.Join("\n", texts));
        Assert.Equal("1\\. A venue for the summit, in March", texts[heading + 1]);
        // The lead's own Markdown is shown as typed, not applied.
        Assert.Equal("2\\. Data on NEETs by ward \\*now\\*", texts[heading + 2]);
        Assert.StartsWith("Each bullet or paragraph is one request.", texts[heading + 3], StringComparison.Ordinal);
        Assert.Equal(RoundSamples.Seed.Requests, RoundCardChecks.Input(card, UpdateInputs.Requests).GetProperty("value").GetString());
    }

    [Fact]
    public void A_section_4_with_no_request_says_nothing_goes_to_the_register()
    {
        var model = RoundSamples.Edit(RoundSamples.Seed with { Requests = "None" }) with { OffersRequestCheck = true, RequestSplit = [] };
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(model));

        Assert.Contains("Section 4 asks for nothing: no request goes to the OSP's requests register.", CardQueries.Texts(card));
        Assert.Equal("1 request", Listed(UpdateEditCards.Edit(model with { RequestSplit = ["One thing"] })));
    }

    private static string Listed(OspBot.Cards.Model.AdaptiveCard card) =>
        CardQueries.Texts(RoundCardChecks.AssertValid(card)).Single(t => t.StartsWith("These go to", StringComparison.Ordinal))
            .Replace("These go to the OSP's requests register as ", "", StringComparison.Ordinal).TrimEnd(':');
}
