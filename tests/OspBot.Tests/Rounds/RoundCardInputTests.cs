using System.Text.Json;
using OspBot.Rounds;

namespace OspBot.Tests.Rounds;

public sealed class RoundCardInputTests
{
    private static readonly UpdateView Stored = new()
    {
        UpdateId = 7,
        RoundId = 3,
        GroupKey = "g",
        GroupName = "Group",
        QuarterLabel = "Q3 2026/27",
        MeetingDate = new(2026, 11, 2),
        DeadlineAt = new(2026, 10, 26, 8, 0, 0, TimeSpan.Zero),
        RoundState = RoundState.Open,
        Status = UpdateStatus.Draft,
        IsLate = false,
        Revision = 4,
        VersionNumber = 2,
        Content = new UpdateContent
        {
            Achievements = "Long stored achievements",
            Plans = "Stored plans",
            Challenges = "Stored challenges",
            Requests = "Stored requests",
            Rag = Rag.Amber,
            RagReason = "Stored reason",
            PlanReviews = [new(0, PlanStatus.InProgress, "half way")],
        },
        CarryForward = [new(0, "Open a hub", PlanStatus.InProgress, "half way"), new(1, "Hire", null, null)],
        IsLocked = false,
        IsReopened = false,
        HasUnsubmittedChanges = false,
        RequiresChairApproval = false,
        Permissions = new(true, true, false),
    };

    private static RoundCardInput Input(string json) => RoundCardInput.From(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Missing_inputs_keep_the_stored_content_and_kept_sections_survive_an_empty_input()
    {
        var input = Input("""
            {"roundId":"3","updateId":"7","version":"4","kept":"achievements","achievements":"","plans":"","challenges":"New challenges",
             "rag":"red","cf.1":"done","cf.1.note":"Hired two"}
            """);

        var content = input.Patch().ApplyTo(Stored.Content, Stored.CarryForward.Count);

        Assert.Equal((3, 7, 4), (input.RoundId, input.UpdateId, input.Version));
        Assert.Equal("Long stored achievements", content.Achievements);
        Assert.Null(content.Plans);
        Assert.Equal("New challenges", content.Challenges);
        Assert.Equal("Stored requests", content.Requests);
        Assert.Equal(Rag.Red, content.Rag);
        Assert.Equal("Stored reason", content.RagReason);
        Assert.Equal([new PlanReviewInput(0, PlanStatus.InProgress, "half way"), new PlanReviewInput(1, PlanStatus.Done, "Hired two")], content.PlanReviews);
    }

    [Fact]
    public void The_status_card_picker_names_the_update_and_the_fallback_carries_the_verb()
    {
        var input = Input("""{"verb":"round.reopen","roundId":3,"subGroupId":"7"}""");

        Assert.Equal(("round.reopen", 3, 7, (int?)null), (input.Verb, input.RoundId, input.UpdateId, input.Version));
        Assert.Null(RoundCardInput.From(null).Verb);
    }
}
