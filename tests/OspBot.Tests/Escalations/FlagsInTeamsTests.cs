using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Common;
using OspBot.Cards.Rounds;
using OspBot.Data;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Escalations;

/// Issue 15 in Teams: the same block reported in two quarters in different words, and a RAG amber twice, are flagged on
/// the secretariat's status card and digest; put on the agenda from the status card (which answers with itself, and the
/// escalations card agrees), or dismissed with a note (gone from the card); a lead never sees the flags.
public sealed class FlagsInTeamsTests
{
    private const string Heading = "Needs the steering group's attention";
    private const string Block = "Reported since Q2 2026/27: Still no supporting officer since February, which slows everything";
    private const string AmberTwice = "RAG amber two quarters running: Officer vacancy";

    [Fact]
    public async Task Flags_reach_the_status_card_and_digest_and_are_decided_from_the_status_card()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        foreach (var user in new[] { Sec, LeadA, LeadB })
        {
            await wire.SayAsync(user, "hi", ct);
        }
        await QuarterAsync(wire, "2026-Q2", "No supporting officer since February", "The venue for the jobs fair is not confirmed", ct);
        Assert.Contains("Closed", Assert.Single(await wire.SayAsync(Sec, "close round", ct)).GetRawText(), StringComparison.Ordinal);
        await QuarterAsync(wire, "2026-Q3", "Still no supporting officer since February, which slows everything", "Funding for the youth hub ends in March", ct);

        var status = Assert.Single(await wire.SayAsync(Sec, "status", ct));
        Assert.Equal([Heading, Block, AmberTwice], Texts(status).Where(t => t is Heading or Block or AmberTwice));
        Assert.DoesNotContain(Texts(status), t => t.Contains("youth hub", StringComparison.Ordinal) || t.Contains("jobs fair", StringComparison.Ordinal));
        Assert.DoesNotContain(Heading, Assert.Single(await wire.SayAsync(LeadA, "status", ct)).GetRawText(), StringComparison.Ordinal);

        // The round closes: the secretariat's digest lists the flags with a button to the escalations card; a lead gets no digest.
        await wire.SayAsync(Sec, "close round", ct);
        await wire.DispatchAsync(ct);
        var digest = Assert.Single(wire.ProactiveTo(Sec), c => c.GetRawText().Contains("Q3 2026/27: digest.", StringComparison.Ordinal));
        Assert.Equal([Heading, Block, AmberTwice], Texts(digest).Where(t => t is Heading or Block or AmberTwice));
        Assert.DoesNotContain(wire.ProactiveTo(LeadA), c => c.GetRawText().Contains(Heading, StringComparison.Ordinal));
        var shown = await wire.ExecuteAsync(Sec, CrossFeatureVerbs.ShowFlags, CardData.Of(digest, CrossFeatureVerbs.ShowFlags), ct);
        Assert.Contains("Q3 2026/27: digest.", shown.GetRawText(), StringComparison.Ordinal);
        await wire.Connector.WaitForAsync(r => r.Body is { } b && b.GetRawText().Contains("Persistent challenges", StringComparison.Ordinal), ct);

        // No steering group meeting yet: the status card says what to do first.
        var early = await wire.ExecuteAsync(Sec, CrossFeatureVerbs.FlagAgenda, CardData.Of(status, CrossFeatureVerbs.FlagAgenda), ct);
        Assert.Contains("schedule meeting", early.GetRawText(), StringComparison.Ordinal);
        await ScheduleSteeringMeetingAsync(wire, ct);

        var agenda = CardData.Of(status, CrossFeatureVerbs.FlagAgenda);
        var tabled = await wire.ExecuteAsync(Sec, CrossFeatureVerbs.FlagAgenda, agenda, ct);
        Assert.Contains("Quarterly updates: Q3 2026/27", tabled.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Put on the steering group's agenda.", Texts(tabled));
        Assert.Equal([Block, "On the steering group's agenda.", AmberTwice], Texts(tabled).Where(t => t is Block or AmberTwice or "On the steering group's agenda."));
        var left = Assert.Single(RoundCardChecksButtons(tabled, CrossFeatureVerbs.FlagAgenda));
        Assert.NotEqual(agenda[CrossFeatureVerbs.FlagKey]!.GetValue<string>(), left[CrossFeatureVerbs.FlagKey]!.GetValue<string>());
        Assert.Contains("On the steering group's agenda.", Texts(Assert.Single(await wire.SayAsync(Sec, "escalations", ct))));

        // Dismissing needs a note; with one, the flag leaves the status card.
        var dismiss = CardData.Of(tabled, CrossFeatureVerbs.FlagDismiss);
        var noteId = CrossFeatureVerbs.FlagNoteId(dismiss[CrossFeatureVerbs.FlagKey]!.GetValue<string>());
        Assert.Contains("Please say in a note", (await wire.ExecuteAsync(Sec, CrossFeatureVerbs.FlagDismiss, dismiss.DeepClone().AsObject().With(noteId, " "), ct)).GetRawText(), StringComparison.Ordinal);
        var dismissed = await wire.ExecuteAsync(Sec, CrossFeatureVerbs.FlagDismiss, dismiss.With(noteId, "An interim officer starts on Monday"), ct);
        Assert.Contains("Dismissed.", Texts(dismissed));
        Assert.DoesNotContain(AmberTwice, Texts(dismissed));
        Assert.Contains(Block, Texts(dismissed));
        Assert.False(CardData.Has(dismissed, CrossFeatureVerbs.FlagDismiss));
        Assert.DoesNotContain(AmberTwice, Texts(Assert.Single(await wire.SayAsync(Sec, "status", ct))));
        Assert.Contains("Dismissed: An interim officer starts on Monday", Texts(Assert.Single(await wire.SayAsync(Sec, "escalations", ct))));
    }

    /// The secretariat opens the quarter's round; lead A reports the block and an amber RAG, lead B something else.
    private static async Task QuarterAsync(RoundsWire wire, string quarter, string blockA, string blockB, CancellationToken ct)
    {
        var opened = await wire.ExecuteAsync(Sec, "round.open", new JsonObject { ["quarter"] = quarter, ["meetingDate"] = "2026-11-02", ["promptDate"] = "2026-10-01" }, ct);
        Assert.True(CardData.Has(opened, RoundVerbs.ShowStatus), opened.GetRawText());
        await wire.DispatchAsync(ct);
        foreach (var (lead, block, rag) in new[] { (LeadA, blockA, "amber"), (LeadB, blockB, "green") })
        {
            var prompt = (await wire.SayAsync(lead, "my update", ct))[0];
            var data = CardData.Of(prompt, RoundVerbs.Submit)
                .With("achievements", "Hub opened").With("plans", "Two more").With("challenges", block).With("rag", rag);
            var submitted = await wire.ExecuteAsync(lead, RoundVerbs.Submit, rag == "green" ? data : data.With("ragReason", "Officer vacancy"), ct);
            Assert.True(CardData.Has(submitted, RoundVerbs.Edit), submitted.GetRawText());
        }
    }

    private static Task<int> ScheduleSteeringMeetingAsync(RoundsWire wire, CancellationToken ct) => wire.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OspDbContext>();
        db.Meetings.Add(new Meeting
        {
            GroupId = await db.Groups.Where(g => g.Kind == GroupKind.SteeringGroup).Select(g => g.Id).SingleAsync(ct),
            Title = "OSP Steering Group",
            StartsAt = new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero),
            State = MeetingState.Scheduled,
            TransactionId = "flags-test-meeting",
            CreatedAt = wire.Clock.GetUtcNow(),
        });
        return await db.SaveChangesAsync(ct);
    });

    private static List<string> Texts(JsonElement card) => OspBot.Tests.Cards.CardQueries.Texts(card);

    private static IEnumerable<JsonObject> RoundCardChecksButtons(JsonElement card, string verb) =>
        OspBot.Tests.Cards.Rounds.RoundCardChecks.Buttons(card, verb).Select(b => JsonNode.Parse(b.GetProperty("data").GetRawText())!.AsObject());
}
