using OspBot.Cards.Rounds;

namespace OspBot.Tests.Cards.Rounds;

public sealed class RoundStatusCardsTests
{
    private static readonly DateTimeOffset At = new(2026, 10, 20, 10, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<SubGroupRow> Rows { get; } =
    [
        new() { SubGroupId = "ed", SubGroupName = "Economic Development", State = UpdateState.NotStarted, IsLate = true },
        new()
        {
            SubGroupId = "sc", SubGroupName = "Stronger Communities", State = UpdateState.Draft, LastEditedAt = At,
            Key = new("r1", "u1", "3"), Rag = Rag.Amber,
        },
        new() { SubGroupId = "zc", SubGroupName = "Zero Carbon Oxford Partnership", State = UpdateState.AwaitingApproval, Key = new("r1", "u2", "1") },
        new()
        {
            SubGroupId = "sf", SubGroupName = "Safer Communities", State = UpdateState.Submitted, Key = new("r1", "u3", "9"),
            Submitted = new("Alan Turing", At), Rag = Rag.Green, CanReopen = true,
        },
    ];

    private static RoundStatusModel Status => new()
    {
        RoundId = "r1",
        RoundLabel = "Q3 2025/26",
        Deadline = RoundSamples.Deadline,
        Now = RoundSamples.Now,
        RecipientMri = "29:secretariat",
        Rows = Rows,
        Unreachable =
        [
            new("Jo Bloggs", "Safer Communities", UnreachableReason.AppNotInstalled),
            new("Sam <b>Smith</b>", "Economic Development", UnreachableReason.Blocked),
            new("Kim Lee", "Stronger Communities", UnreachableReason.Removed),
        ],
    };

    [Fact]
    public void Status_lists_each_sub_group_state_and_rag()
    {
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Status(Status));
        var texts = CardQueries.Texts(card);

        Assert.Contains("Not started · Late", texts);
        Assert.Contains("Draft, last edited 20 Oct 2026", texts);
        Assert.Contains("Awaiting approval", texts);
        Assert.Contains("Submitted by Alan Turing on 20 Oct 2026, 11:00", texts);
        Assert.Contains("Amber", texts);
        Assert.Contains("Quarterly updates: Q3 2025/26", texts);
    }

    [Fact]
    public void What_a_button_did_is_said_under_the_heading_escaped_and_only_then()
    {
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Status(Status with { Notice = "A reminder is on its way to 2 people_" }));

        Assert.Equal("Quarterly updates: Q3 2025/26", CardQueries.Texts(card)[0]);
        Assert.Equal("A reminder is on its way to 2 people\\_", CardQueries.Texts(card)[1]);
        Assert.DoesNotContain(CardQueries.Texts(RoundCardChecks.AssertValid(RoundStatusCards.Status(Status))), t => t.Contains("on its way", StringComparison.Ordinal));
    }

    [Fact]
    public void Status_offers_only_the_buttons_that_apply_to_each_row()
    {
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Status(Status));

        Assert.Equal(["ed", "sc", "zc"], RoundCardChecks.Buttons(card, RoundVerbs.RemindGroup).Select(b => RoundCardChecks.Data(b, RoundData.SubGroupId)));
        Assert.Equal(["sf"], RoundCardChecks.Buttons(card, RoundVerbs.Reopen).Select(b => RoundCardChecks.Data(b, RoundData.SubGroupId)));
        var reads = RoundCardChecks.Buttons(card, RoundVerbs.ReadUpdate);
        Assert.Equal(["u1", "u2", "u3"], reads.Select(b => RoundCardChecks.Data(b, RoundData.UpdateId)));
        Assert.Equal("9", RoundCardChecks.Data(reads[2], RoundData.Version));
        Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.ShowStatus));
        Assert.Equal("status", card.GetProperty("refresh").GetProperty("action").GetProperty("data").GetProperty(RoundData.View).GetString());
    }

    [Fact]
    public void Status_names_unreachable_people_and_why()
    {
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Status(Status));
        var facts = CardQueries.OfType(card, "FactSet").SelectMany(f => f.GetProperty("facts").EnumerateArray())
            .ToDictionary(f => CardQueries.Displayed(f.GetProperty("title").GetString()!), f => f.GetProperty("value").GetString()!);

        Assert.Equal("OspBot is not installed for them", facts["Jo Bloggs (Safer Communities)"]);
        Assert.Equal("They blocked OspBot", facts["Sam <b>Smith</b> (Economic Development)"]);
        Assert.StartsWith("OspBot was removed", facts["Kim Lee (Stronger Communities)"], StringComparison.Ordinal);
    }

    [Fact]
    public void Status_with_many_sub_groups_stays_within_the_size_limit()
    {
        var many = Enumerable.Range(0, 30).Select(i => Rows[i % 4] with { SubGroupId = $"g{i}", SubGroupName = $"Sub-group number {i} with a long name" }).ToList();
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Status(Status with { Rows = many }));

        // Too many rows for per-row buttons: one picker and three buttons instead.
        Assert.Equal(30, RoundCardChecks.Input(card, RoundData.SubGroupId).GetProperty("choices").GetArrayLength());
        Assert.Equal("Auto", Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.RemindGroup)).GetProperty("associatedInputs").GetString());
        Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.Reopen));
        Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.ReadUpdate));
        Assert.Equal(30, CardQueries.Texts(card).Count(t => t.StartsWith("Sub-group number", StringComparison.Ordinal)));
    }

    [Fact]
    public void Digest_has_a_read_button_for_each_written_update_and_refreshes_at_most_60_people()
    {
        var ids = Enumerable.Range(0, 75).Select(i => $"29:user{i}").ToList();
        var card = RoundCardChecks.AssertValid(RoundStatusCards.Digest(new()
        {
            RoundId = "r1",
            RoundLabel = "Q3 2025/26",
            Deadline = RoundSamples.Deadline,
            Rows = Rows,
            RefreshUserIds = ids,
        }));

        Assert.Equal(["u1", "u2", "u3"], RoundCardChecks.Buttons(card, RoundVerbs.ReadUpdate).Select(b => RoundCardChecks.Data(b, RoundData.UpdateId)));
        Assert.Equal(ids.Take(60), card.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Submitted by Alan Turing on 20 Oct 2026, 11:00", CardQueries.Texts(card));

        var noRefresh = RoundCardChecks.AssertValid(RoundStatusCards.Digest(new() { RoundId = "r1", RoundLabel = "Q3", Deadline = RoundSamples.Deadline }));
        Assert.False(noRefresh.TryGetProperty("refresh", out _));
    }
}
