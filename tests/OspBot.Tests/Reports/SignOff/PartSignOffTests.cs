using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.Reports;
using OspBot.Data;
using OspBot.Outbox;
using OspBot.Reports;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Reports.SignOff.SignOffWorld;

namespace OspBot.Tests.Reports.SignOff;

/// Issue 14: each sub-group signs off its part of the annual report, through the real HTTP pipeline and database.
public sealed class PartSignOffTests
{
    [Fact]
    public async Task Compiling_sends_each_part_to_its_chair_who_edits_and_approves_and_the_next_compile_uses_it_as_approved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(ct);

        await wire.SayAsync(RoundsWire.Sec, $"compile report {YearLabel}", ct);
        await ReportWorld.WaitForCardAsync(wire.Connector, "(v1).docx", ct);
        await wire.DispatchAsync(ct);

        // Each part went to its own chair, drafted from its own updates; the deputy gets nothing to approve.
        var sc = Assert.Single(wire.ProactiveTo(ChairSc));
        Assert.Contains("Stronger Communities: your part of the 2025/26 annual report", Text(sc), StringComparison.Ordinal);
        Assert.Contains("Community hubs opened in Blackbird Leys", Text(sc), StringComparison.Ordinal);
        Assert.True(HasAction(sc, "Approve"));
        var ed = Assert.Single(wire.ProactiveTo(ChairEd));
        Assert.Contains("Business survey wave 2 completed", Text(ed), StringComparison.Ordinal);
        Assert.DoesNotContain("Community hubs", Text(ed), StringComparison.Ordinal);
        Assert.Empty(wire.ProactiveTo(DeputySc));
        var sent = await wire.InScopeAsync(s => s.GetRequiredService<OspDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.Kind == DeliveryKind.PartForSignOff).Select(d => d.Person!.Name).OrderBy(n => n).ToListAsync(ct));
        // Zero Carbon's chair from the directory too, and Safer Communities' lead, as it has no chair (neither has a chat
        // with OspBot, so theirs are unreachable).
        Assert.Equal(["Cllr Ann Chair", "Cllr Susan Brown", "Community Safety Service Manager (placeholder)", "Ed Chair"], sent);

        // The deputy edits; their approval is refused, naming the chair; nothing they wrote is lost.
        var part = await PartAsync(wire, "stronger-communities");
        var opened = await wire.ExecuteAsync(DeputySc, ReportVerbs.OpenPart, Press(part, 1), ct);
        Assert.False(HasAction(opened, "Approve"));
        var saved = await wire.ExecuteAsync(DeputySc, ReportVerbs.SavePart,
            Press(part, 1, Edit(part, "delivery", "Delivery in 2025/26 included:\n- Four community hubs opened across the city")), ct);
        Assert.Contains("Saved as version 2", Text(saved), StringComparison.Ordinal);
        var refused = await wire.ExecuteAsync(DeputySc, ReportVerbs.ApprovePart, Press(part, 2), ct);
        Assert.Contains("Only Cllr Ann Chair can approve the Stronger Communities part", Text(refused), StringComparison.Ordinal);

        var approved = await wire.ExecuteAsync(ChairSc, ReportVerbs.ApprovePart, Press(part, 2), ct);
        Assert.Contains("Approved version 2", Text(approved), StringComparison.Ordinal);
        part = await PartAsync(wire, "stronger-communities");
        Assert.Equal((PartState.Approved, 2, "Cllr Ann Chair"), (part.State, part.ApprovedVersion, part.ApprovedByName));
        Assert.Equal(["OspBot (draft)", "Dee Deputy"], part.Versions.OrderBy(v => v.Number).Select(v => v.SavedByName));

        // The secretariat compiles again: the approved text as approved, with who approved it in the comment; the
        // others as drafted, listed not yet approved on the card and in the officer's comments.
        await wire.SayAsync(RoundsWire.Sec, $"compile report {YearLabel}", ct);
        var ready = ReportWorld.CardOf((await ReportWorld.WaitForCardAsync(wire.Connector, "(v2).docx", ct)).Body!.Value);
        Assert.Contains("Parts not yet approved by their sub-group", ready.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Economic Development", ready.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("• Stronger Communities", ready.GetRawText(), StringComparison.Ordinal);
        using var download = await wire.Client.GetAsync(ReportWorld.ActionUrl(ready, "Download (.docx)"), ct);
        await using var bytes = new MemoryStream(await download.Content.ReadAsByteArrayAsync(ct));
        using var doc = WordprocessingDocument.Open(bytes, false);
        var body = doc.MainDocumentPart!.Document.Body!.InnerText;
        var comments = doc.MainDocumentPart.WordprocessingCommentsPart!.Comments.InnerText;
        Assert.Contains("Four community hubs opened across the city", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Community hubs opened in Blackbird Leys", body, StringComparison.Ordinal);
        Assert.Contains("Business survey wave 2 completed", body, StringComparison.Ordinal);
        Assert.Matches(@"Approved by Cllr Ann Chair on \d+ \w+ 2026 \(version 2\)", comments);
        Assert.Contains("Not yet approved: as drafted; waiting for Ed Chair.", comments, StringComparison.Ordinal);
        Assert.Contains("Parts not yet approved by their sub-group: Economic Development, Safer Communities, Zero Carbon Oxford Partnership.", comments, StringComparison.Ordinal);
        // Starting again did not redraft or resend: the chairs still have their one card each, the edits stand.
        await wire.DispatchAsync(ct);
        Assert.Single(wire.ProactiveTo(ChairSc));
        Assert.Equal(2, (await PartAsync(wire, "stronger-communities")).Versions.Count);
    }

    [Fact]
    public async Task Two_people_saving_the_same_part_the_second_is_shown_both_versions_and_loses_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(ct);
        await wire.SayAsync(RoundsWire.Sec, $"compile report {YearLabel}", ct);
        await ReportWorld.WaitForCardAsync(wire.Connector, "(v1).docx", ct);
        var part = await PartAsync(wire, "stronger-communities");

        // Both opened version 1; the chair saves first.
        await wire.ExecuteAsync(ChairSc, ReportVerbs.SavePart, Press(part, 1, Edit(part, "requests", "- Chair request: a venue for the spring forum")), ct);
        var clash = await wire.ExecuteAsync(DeputySc, ReportVerbs.SavePart, Press(part, 1, Edit(part, "requests", "- Deputy request: printing for the survey")), ct);

        Assert.Contains("the part changed while you were editing", Text(clash), StringComparison.Ordinal);
        Assert.Contains("Chair request: a venue for the spring forum", Text(clash), StringComparison.Ordinal);
        Assert.Contains("Deputy request: printing for the survey", Text(clash), StringComparison.Ordinal);
        part = await PartAsync(wire, "stronger-communities");
        Assert.Equal(2, part.CurrentVersion);
        Assert.DoesNotContain(part.Versions, v => v.Requests.Contains("Deputy request", StringComparison.Ordinal));

        // The deputy keeps what they want from both and saves on top of the chair's version.
        var merged = await wire.ExecuteAsync(DeputySc, ReportVerbs.SavePart,
            Press(part, 2, Edit(part, "requests", "- Chair request: a venue for the spring forum\n- Deputy request: printing for the survey")), ct);
        Assert.Contains("Saved as version 3", Text(merged), StringComparison.Ordinal);
        Assert.Equal(["OspBot (draft)", "Cllr Ann Chair", "Dee Deputy"], (await PartAsync(wire, "stronger-communities")).Versions.OrderBy(v => v.Number).Select(v => v.SavedByName));
    }

    [Fact]
    public async Task The_secretariat_chases_only_untouched_parts_an_update_changed_after_approval_is_flagged_and_final_locks_the_parts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(ct);
        await wire.SayAsync(RoundsWire.Sec, $"compile report {YearLabel}", ct);
        await ReportWorld.WaitForCardAsync(wire.Connector, "(v1).docx", ct);
        await wire.DispatchAsync(ct);
        var sc = await PartAsync(wire, "stronger-communities");
        var ed = await PartAsync(wire, "economic-development");
        await wire.ExecuteAsync(ChairSc, ReportVerbs.ApprovePart, Press(sc, 1), ct);
        await wire.ExecuteAsync(ChairEd, ReportVerbs.SavePart, Press(ed, 1, Edit(ed, "summary", "A year of surveys.")), ct);

        var status = Assert.Single(await wire.SayAsync(RoundsWire.Sec, $"report parts {YearLabel}", ct));
        Assert.Contains("Approved by Cllr Ann Chair", Text(status), StringComparison.Ordinal);
        Assert.Contains("Edited by Ed Chair; waiting for Ed Chair to approve", Text(status), StringComparison.Ordinal);
        Assert.Contains("Waiting for Cllr Susan Brown", Text(status), StringComparison.Ordinal);
        var chased = await wire.ExecuteAsync(RoundsWire.Sec, ReportVerbs.ChaseParts, new() { ["year"] = YearLabel }, ct);
        Assert.Contains("Chased: Safer Communities, Zero Carbon Oxford Partnership.", Text(chased), StringComparison.Ordinal);
        await wire.DispatchAsync(ct);
        var chasers = await wire.InScopeAsync(s => s.GetRequiredService<OspDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.Kind == DeliveryKind.PartChaser).Select(d => d.Person!.Name).OrderBy(n => n).ToListAsync(ct));
        Assert.Equal(["Cllr Susan Brown", "Community Safety Service Manager (placeholder)"], chasers);
        Assert.Single(wire.ProactiveTo(ChairSc));
        Assert.Single(wire.ProactiveTo(ChairEd));

        // The lead edits Q1 after the chair approved: flagged on the part and the status, the approved text untouched.
        await ResubmitAsync(wire, "Community hubs opened in Blackbird Leys and Rose Hill", ct);
        var flagged = await wire.ExecuteAsync(ChairSc, ReportVerbs.OpenPart, Press(sc, 1), ct);
        Assert.Contains("Q1 was edited after you approved; review?", Text(flagged), StringComparison.Ordinal);
        Assert.Contains("Q1 was edited after you approved", Text(Assert.Single(await wire.SayAsync(RoundsWire.Sec, $"report parts {YearLabel}", ct))), StringComparison.Ordinal);
        Assert.DoesNotContain((await PartAsync(wire, "stronger-communities")).Versions, v => v.Delivery.Contains("Rose Hill", StringComparison.Ordinal));

        // Final: approving and editing are refused with whom to ask; nothing changes.
        await wire.ExecuteAsync(RoundsWire.Sec, ReportVerbs.MarkFinal, new() { ["year"] = YearLabel }, ct);
        var late = await wire.ExecuteAsync(ChairEd, ReportVerbs.ApprovePart, Press(ed, 2), ct);
        Assert.Contains("marked final by", Text(late), StringComparison.Ordinal);
        Assert.Contains("Ask the secretariat", Text(late), StringComparison.Ordinal);
        var locked = await wire.ExecuteAsync(DeputySc, ReportVerbs.SavePart, Press(sc, 1, Edit(sc, "summary", "Too late")), ct);
        Assert.Contains("locked", Text(locked), StringComparison.Ordinal);
        Assert.Equal(PartState.Edited, (await PartAsync(wire, "economic-development")).State);
        Assert.Single((await PartAsync(wire, "stronger-communities")).Versions);
    }
}
