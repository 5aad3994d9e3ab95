using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Reports;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Reports.SignOff.SignOffWorld;

namespace OspBot.Tests.Reports.SignOff;

/// Issue 14: "Ask the secretariat" on a part's card, and who approves a sub-group's part set from its settings card.
public sealed class PartQuestionAndApproverTests
{
    private static readonly TeamsUser LeadSc = new("aad-lead-sc", "29:lead-sc", "a:lead-sc");

    [Fact]
    public async Task A_question_asked_on_the_part_reaches_each_of_the_secretariat_through_the_outbox_and_an_empty_one_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(ct);
        await wire.SayAsync(RoundsWire.Sec, $"compile report {YearLabel}", ct);
        await ReportWorld.WaitForCardAsync(wire.Connector, "(v1).docx", ct);
        var part = await PartAsync(wire, "stronger-communities");

        var empty = await wire.ExecuteAsync(DeputySc, ReportVerbs.AskAboutPart, Press(part, 1, ("question", "  ")), ct);
        Assert.Contains("Write your question", Text(empty), StringComparison.Ordinal);

        var asked = await wire.ExecuteAsync(DeputySc, ReportVerbs.AskAboutPart, Press(part, 1, ("question", "Can the Q2 figures go in the delivery list?")), ct);
        // The directory's two secretariat officers; only one has a chat with OspBot, so only that one is sent a card.
        Assert.Contains("Your question went to the secretariat (2 people)", Text(asked), StringComparison.Ordinal);
        await wire.DispatchAsync(ct);

        var question = Assert.Single(wire.ProactiveTo(RoundsWire.Sec), c => Text(c).Contains("A question about the Stronger Communities part", StringComparison.Ordinal));
        Assert.Contains("Dee Deputy asks: Can the Q2 figures go in the delivery list?", Text(question), StringComparison.Ordinal);
        var sent = await wire.InScopeAsync(s => s.GetRequiredService<OspDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.Kind == DeliveryKind.PartQuestion).Select(d => new { d.State, d.Person!.IsSecretariat }).ToListAsync(ct));
        Assert.Equal(2, sent.Count);
        Assert.All(sent, d => Assert.True(d.IsSecretariat));
        Assert.Single(sent, d => d.State == DeliveryState.Sent);
        Assert.DoesNotContain(wire.ProactiveTo(ChairSc), c => Text(c).Contains("asks:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_chair_sets_the_lead_to_approve_from_the_settings_card_and_the_part_goes_to_the_lead_who_alone_approves()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(ct);
        var groupId = await wire.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<OspDbContext>();
            var group = await db.Groups.SingleAsync(g => g.Key == "stronger-communities", ct);
            db.People.Add(new Person { Name = "Lee Lead", EntraObjectId = LeadSc.Aad, Memberships = [new Membership { GroupId = group.Id, Role = MembershipRole.Lead }] });
            await db.SaveChangesAsync(ct);
            return group.Id;
        });
        await wire.SayAsync(LeadSc, "hi", ct);

        var card = Assert.Single(await wire.SayAsync(ChairSc, "sub-group settings stronger communities", ct));
        Assert.Contains("Stronger Communities: standing settings", Text(card), StringComparison.Ordinal);
        var projects = await wire.ExecuteAsync(ChairSc, ReportVerbs.SubGroupSettings, new JsonObject { ["group"] = Id(groupId), ["section"] = "projects" }, ct);
        Assert.Contains("Who approves our part of the council report", Text(projects), StringComparison.Ordinal);
        var saved = await wire.ExecuteAsync(ChairSc, ReportVerbs.SaveSubGroupSettings,
            new JsonObject { ["group"] = Id(groupId), ["section"] = "projects", ["baseVersion"] = "0", ["approver"] = "lead" }, ct);
        Assert.Contains("Saved as version 1: Who approves our part of the council report.", Text(saved), StringComparison.Ordinal);

        await wire.SayAsync(RoundsWire.Sec, $"compile report {YearLabel}", ct);
        await ReportWorld.WaitForCardAsync(wire.Connector, "(v1).docx", ct);
        await wire.DispatchAsync(ct);
        Assert.Contains("Stronger Communities: your part", Text(Assert.Single(wire.ProactiveTo(LeadSc))), StringComparison.Ordinal);
        Assert.Empty(wire.ProactiveTo(ChairSc));

        var part = await PartAsync(wire, "stronger-communities");
        var refused = await wire.ExecuteAsync(ChairSc, ReportVerbs.ApprovePart, Press(part, 1), ct);
        Assert.Contains("Only Lee Lead can approve the Stronger Communities part", Text(refused), StringComparison.Ordinal);
        var approved = await wire.ExecuteAsync(LeadSc, ReportVerbs.ApprovePart, Press(part, 1), ct);
        Assert.Contains("Approved version 1", Text(approved), StringComparison.Ordinal);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
