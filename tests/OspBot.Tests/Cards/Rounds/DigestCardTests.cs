using OspBot.Cards.Rounds;
using OspBot.Rounds;
using D = OspBot.Rounds;

namespace OspBot.Tests.Cards.Rounds;

/// The digest for the secretariat and the OSP chair, from the service's view through the mapper to the card.
public sealed class DigestCardTests
{
    private static readonly DateTimeOffset At = new(2026, 10, 20, 10, 0, 0, TimeSpan.Zero);

    private static D.RoundView Round { get; } = new()
    {
        RoundId = 7,
        Quarter = new D.FinancialQuarter(2026, 3),
        MeetingDate = new DateOnly(2026, 11, 2),
        PromptAt = At.AddDays(-20),
        DeadlineAt = RoundSamples.Deadline,
        ChaserAts = [],
        State = D.RoundState.Open,
        OpenedBy = "OspBot",
        OpenedAt = At.AddDays(-20),
    };

    private static D.DigestEntry Submitted(int updateId, string name) => new()
    {
        UpdateId = updateId,
        GroupName = name,
        Status = D.UpdateStatus.Submitted,
        IsLate = false,
        SubmittedAt = At,
        SubmittedBy = "Alan Turing",
        Content = new D.UpdateContent { Achievements = "We opened the hub", Rag = D.Rag.Green },
    };

    private static D.DigestEntry Unsubmitted(int updateId, string name, D.UpdateStatus status) => new()
    {
        UpdateId = updateId,
        GroupName = name,
        Status = status,
        IsLate = true,
    };

    [Fact]
    public void Each_submitted_sub_group_has_a_read_button_carrying_its_update_id()
    {
        var view = new D.DigestView(Round,
        [
            Unsubmitted(11, "Economic Development", D.UpdateStatus.NotStarted),
            Submitted(12, "Safer Communities"),
            Unsubmitted(13, "Stronger Communities", D.UpdateStatus.Draft),
            Submitted(14, "Zero Carbon Oxford Partnership"),
        ], AllSubmitted: false);

        var card = RoundCardChecks.AssertValid(RoundStatusCards.Digest(RoundStatusMapper.Digest(view, ["29:sec"])));

        var reads = RoundCardChecks.Buttons(card, RoundVerbs.ReadUpdate);
        Assert.Equal(["12", "14"], reads.Select(b => RoundCardChecks.Data(b, RoundData.UpdateId)));
        Assert.All(reads, b => Assert.Equal("7", RoundCardChecks.Data(b, RoundData.RoundId)));
        Assert.All(reads, b => Assert.Equal(RoundVerbs.ReadUpdate, b.GetProperty("fallback").GetProperty("data").GetProperty(RoundData.Verb).GetString()));
        var texts = CardQueries.Texts(card).ToList();
        Assert.Contains("Submitted by Alan Turing on 20 Oct 2026, 11:00", texts);
        Assert.Contains("Green", texts);
        Assert.Contains("Not started · Late", texts);
    }

    [Fact]
    public void A_digest_of_many_sub_groups_reads_through_one_picker_within_the_size_limit()
    {
        var entries = Enumerable.Range(0, 40)
            .Select(i => i % 3 == 0
                ? Unsubmitted(100 + i, $"Sub-group number {i} with a rather long name indeed", D.UpdateStatus.Draft)
                : Submitted(100 + i, $"Sub-group number {i} with a rather long name indeed"))
            .ToList();
        var model = RoundStatusMapper.Digest(new D.DigestView(Round, entries, AllSubmitted: false), ["29:sec"]);

        var card = RoundCardChecks.AssertValid(RoundStatusCards.Digest(model));

        var read = Assert.Single(RoundCardChecks.Buttons(card, RoundVerbs.ReadUpdate));
        Assert.Equal("Auto", read.GetProperty("associatedInputs").GetString());
        var choices = RoundCardChecks.Input(card, RoundData.SubGroupId).GetProperty("choices").EnumerateArray()
            .Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Equal(entries.Where(e => e.Content is not null).Select(e => e.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture)), choices);
        Assert.Equal(40, CardQueries.Texts(card).Count(t => t.StartsWith("Sub-group number", StringComparison.Ordinal)));
    }
}
