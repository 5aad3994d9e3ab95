using OspBot.Cards.Rounds;
using Core = OspBot.Rounds;

namespace OspBot.Tests.Cards.Rounds;

public sealed class UpdateEditCardsTests
{
    [Fact]
    public void Edit_card_has_the_template_labels_with_sections_1_to_3_marked_required_and_no_client_side_required_check()
    {
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(new())));

        var sections = RoundCardChecks.Inputs(card).Where(i => i.GetProperty("type").GetString() == "Input.Text" && i.TryGetProperty("isMultiline", out _)).ToList();
        Assert.Equal(
            [
                "1. Achievements since last update (required)",
                "2. Plans for the next six months (required)",
                "3. Challenges and/or blocks to progress (required)",
                "4. Requests for OSP support/advice/action/intervention (if required)",
            ],
            sections.Select(s => s.GetProperty("label").GetString()));
        Assert.All(sections, s => Assert.Equal(4000, s.GetProperty("maxLength").GetInt32()));
        // A client-side isRequired would block "Save draft" for half-written updates; the server checks on Submit.
        Assert.All(sections, s => Assert.False(s.TryGetProperty("isRequired", out _)));
    }

    [Fact]
    public void Editing_a_submitted_update_says_when_it_was_submitted_that_submit_replaces_it_and_offers_no_snooze()
    {
        // Friday 4 December 2026, 17:20 in London (GMT).
        var submitted = new DateTimeOffset(2026, 12, 4, 17, 20, 0, TimeSpan.Zero);
        var fresh = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(RoundSamples.Seed)));
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(RoundSamples.Seed) with { SubmittedAt = submitted }));

        var texts = CardQueries.Texts(card);
        Assert.Contains("Editing your submitted update", texts);
        Assert.Contains(texts, t => t.StartsWith(
            "You are editing your submitted update (submitted Friday 4 December 2026, 17:20). Submit replaces it", StringComparison.Ordinal));
        Assert.Empty(RoundCardChecks.Buttons(card, RoundVerbs.RemindTomorrow));
        Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.Submit));
        Assert.Single(RoundCardChecks.Buttons(fresh, RoundVerbs.RemindTomorrow));
        Assert.DoesNotContain(CardQueries.Texts(fresh), t => t.Contains("submitted update", StringComparison.Ordinal));
    }

    [Fact]
    public void Submitting_with_the_required_fields_empty_shows_each_rule_under_its_field_on_a_valid_card()
    {
        // The errors exactly as the server makes them for an empty submission, mapped as the bot maps them.
        var errors = Core.UpdateRules.Check(new Core.UpdateContent(), carryForwardCount: 0, submitting: true).Select(Core.RoundCardMapper.Error).ToList();
        var fresh = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(new()) with { Errors = errors }));
        // The same rules when a submitted update is edited and a section cleared: still schema-valid, still no snooze.
        var resubmit = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(new()) with
        {
            Errors = errors,
            SubmittedAt = new DateTimeOffset(2026, 12, 4, 17, 20, 0, TimeSpan.Zero),
        }));

        string[] required = [UpdateInputs.Achievements, UpdateInputs.Plans, UpdateInputs.Challenges, UpdateInputs.Rag];
        foreach (var card in new[] { fresh, resubmit })
        {
            var body = card.GetProperty("body").EnumerateArray().ToList();
            foreach (var id in required)
            {
                var field = body.FindIndex(e => e.TryGetProperty("id", out var i) && i.GetString() == id);
                Assert.Equal(errors.Single(e => e.InputId == id).Message, CardQueries.Displayed(body[field + 1].GetProperty("text").GetString()!));
                Assert.Equal("attention", body[field + 1].GetProperty("color").GetString());
            }
            var requests = body.FindIndex(e => e.TryGetProperty("id", out var i) && i.GetString() == UpdateInputs.Requests);
            Assert.False(body[requests + 1].TryGetProperty("color", out _), "Section 4 is not required.");
        }
        Assert.Equal("1. Achievements since last update is required to submit.", errors[0].Message);
        Assert.Empty(RoundCardChecks.Buttons(resubmit, RoundVerbs.RemindTomorrow));
    }

    [Fact]
    public void Edit_card_shows_the_deadline_in_london_time_and_the_days_left()
    {
        var card = UpdateEditCards.Edit(RoundSamples.Edit(new())).ToJsonElement();
        var facts = CardQueries.OfType(card, "FactSet").Single().GetProperty("facts").EnumerateArray()
            .ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString()!);

        Assert.Equal("Monday 26 October 2026, 9:00", facts["Deadline"]);
        Assert.Equal("5 days left", facts["Time left"]);
        Assert.Contains("Stronger Communities · Q3 2025/26", CardQueries.Texts(card));
    }

    [Fact]
    public void Edit_card_is_prefilled_with_the_draft_rag_and_carry_forward()
    {
        var card = UpdateEditCards.Edit(RoundSamples.Edit(RoundSamples.Seed)).ToJsonElement();

        Assert.Equal(RoundSamples.Seed.Plans, RoundCardChecks.Input(card, UpdateInputs.Plans).GetProperty("value").GetString());
        Assert.Equal("amber", RoundCardChecks.Input(card, UpdateInputs.Rag).GetProperty("value").GetString());
        Assert.Equal(200, RoundCardChecks.Input(card, UpdateInputs.RagReason).GetProperty("maxLength").GetInt32());
        Assert.Equal("done", RoundCardChecks.Input(card, "cf.p1").GetProperty("value").GetString());
        Assert.Equal("Shared in July", RoundCardChecks.Input(card, "cf.p1.note").GetProperty("value").GetString());
        Assert.Equal("slipped", RoundCardChecks.Input(card, "cf.p2").GetProperty("value").GetString());
        Assert.False(RoundCardChecks.Input(card, "cf.p3").TryGetProperty("value", out _));
        Assert.Equal(
            ["Done", "In progress", "Slipped", "Dropped"],
            RoundCardChecks.Input(card, "cf.p3").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        Assert.Contains(CardQueries.Texts(card), t => t.StartsWith("Last saved by Ada Lovelace on ", StringComparison.Ordinal));
    }

    [Fact]
    public void Server_errors_appear_in_attention_colour_under_their_field()
    {
        const string tooLong = "Section 1 is 4,213 characters; the limit is 4,000 — your draft was kept";
        var model = RoundSamples.Edit(RoundSamples.Seed) with
        {
            Errors = [new(UpdateInputs.Achievements, tooLong), new("", "Something went wrong <b>")],
        };
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(model));

        var body = card.GetProperty("body").EnumerateArray().ToList();
        var field = body.FindIndex(e => e.TryGetProperty("id", out var id) && id.GetString() == UpdateInputs.Achievements);
        Assert.Equal(tooLong, CardQueries.Displayed(body[field + 1].GetProperty("text").GetString()!));
        Assert.Equal("attention", body[field + 1].GetProperty("color").GetString());
        Assert.Contains("Something went wrong <b>", CardQueries.Texts(card).Select(CardQueries.Displayed));
    }

    [Fact]
    public void Buttons_save_submit_and_remind_carry_ids_and_version()
    {
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(RoundSamples.Seed)));

        var save = Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.SaveDraft));
        Assert.Equal("r-2026q3", RoundCardChecks.Data(save, RoundData.RoundId));
        Assert.Equal("u-42", RoundCardChecks.Data(save, RoundData.UpdateId));
        Assert.Equal("7", RoundCardChecks.Data(save, RoundData.Version));
        Assert.Equal("Auto", save.GetProperty("associatedInputs").GetString());
        Assert.Equal("Submit", Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.Submit)).GetProperty("title").GetString());
        var remind = Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.RemindTomorrow));
        Assert.Equal("Remind me tomorrow", remind.GetProperty("title").GetString());
        Assert.Equal("None", remind.GetProperty("associatedInputs").GetString());
        Assert.Equal([RoundSamples.Mri], card.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Submit_says_for_approval_when_a_chair_approves()
    {
        var model = RoundSamples.Edit(new()) with { NeedsApproval = true, ApproverName = "Grace Hopper" };
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(model));

        Assert.Equal("Submit for approval", Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.Submit)).GetProperty("title").GetString());
        Assert.Contains(CardQueries.Texts(card), t => t.Contains("Grace Hopper approves", StringComparison.Ordinal));
    }

    [Fact]
    public void Stale_notice_sits_on_top_of_the_current_card()
    {
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(RoundSamples.Edit(new()) with { Notice = RoundMessageCards.StaleNotice }));
        Assert.Equal(RoundMessageCards.StaleNotice, CardQueries.Texts(card)[0]);

        var wrapped = RoundCardChecks.AssertValid(RoundMessageCards.WithStaleNotice(UpdateEditCards.Edit(RoundSamples.Edit(new()))));
        Assert.Equal(RoundMessageCards.StaleNotice, CardQueries.Texts(wrapped)[0]);
    }

    [Theory]
    [MemberData(nameof(NastyText.All), MemberType = typeof(NastyText))]
    public void User_text_is_prefilled_exactly_and_quoted_safely(string nasty)
    {
        var model = RoundSamples.Edit(RoundSamples.AllSections(nasty)) with
        {
            SubGroupName = nasty,
            RagReason = nasty,
            CarryForward = [new() { ItemId = "x", Text = nasty, Note = nasty }],
        };
        var card = RoundCardChecks.AssertValid(UpdateEditCards.Edit(model));

        Assert.All(UpdateTemplate.Sections, s => Assert.Equal(nasty, RoundCardChecks.Input(card, s.InputId).GetProperty("value").GetString()));
        Assert.Equal(nasty, RoundCardChecks.Input(card, "cf.x.note").GetProperty("value").GetString());
        var collapsed = string.Join(' ', nasty.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(CardQueries.Texts(card).Select(CardQueries.Displayed), t => t == collapsed);
    }
}
