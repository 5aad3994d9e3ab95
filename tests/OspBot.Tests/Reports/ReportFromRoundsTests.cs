using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Reports.Settings;
using OspBot.Rounds;
using OspBot.Tests.Rounds;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.Reports;

/// 2026/27 through the product's own path: the secretariat opens each quarter's round, leads submit and mark last
/// quarter's plans, Zero Carbon's chair approves its lead's update, Stronger Communities falls silent after Q2,
/// a steering group meeting is booked with an agenda; then the report is compiled as the job compiles it.
public sealed class ReportFromRoundsTests
{
    private static readonly DateOnly[] Meetings = [new(2026, 6, 15), new(2026, 9, 14), new(2026, 12, 7), new(2027, 3, 8)];

    [Fact]
    public async Task The_report_credits_the_writer_not_the_approver_and_uses_the_plan_marks_status_reasons_and_agendas()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await W.CreateAsync(new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), ct);
        await SeatTheSteeringGroupAsync(world, ct);
        for (var q = 1; q <= 4; q++)
        {
            await RunQuarterAsync(world, q, ct);
        }

        world.Clock.SetUtcNow(new(2027, 6, 10, 9, 0, 0, TimeSpan.Zero));
        using var doc = new DocxReader(await CompileAsync(world, ct));

        Assert.Empty(doc.ValidationErrors());
        var comments = doc.CommentedParagraphs();
        var approved = comments.Single(p => p.Paragraph.Text == "Heat network study commissioned in Q1");
        Assert.Equal("Zero Carbon Oxford Partnership, Q1 2026/27, written by Zed Lead, approved by Zara Chair, version 2", Assert.Single(approved.Comments));
        var own = comments.Single(p => p.Paragraph.Text == "Business survey wave 3 completed");
        Assert.Equal("Economic Development, Q3 2026/27, written by Ed Lead, version 1", Assert.Single(own.Comments));

        var text = doc.Paragraphs().Select(p => p.Text).ToList();
        Assert.Contains("The Safer Communities sub-group reported in all four quarters; its status was green, amber in Q3 because "
            + "two partners have withdrawn from the night-time economy group.", text);
        Assert.Contains(text, p => p.StartsWith("The Stronger Communities sub-group reported in Q1 and Q2 but not in Q3 or Q4", StringComparison.Ordinal));

        var plans = AnnualReportDocxTests.Section(doc, "Forward Planning");
        Assert.DoesNotContain("Publish the business survey results", plans);
        Assert.Contains("Hold the first inclusive economy workshop", plans);
        Assert.Contains("Publish the wave 4 findings", plans);

        var other = AnnualReportDocxTests.Section(doc, "Other OSP activities");
        Assert.Contains("The local Oxford economy", other);
        Assert.DoesNotContain(other, o => o.Contains("Apologies", StringComparison.Ordinal) || o.Contains("Cancelled topic", StringComparison.Ordinal) || o.Contains("Last year's topic", StringComparison.Ordinal));

        var members = DocxReader.Rows(doc.Tables()[1]);
        Assert.Equal(["Olive OspChair (Chair)", "Chief Executive, River Learning Trust"], members[1]);
        Assert.Contains(["Vacant", "Larger Business Representative"], members);
        Assert.Equal("Appendix 1: Oxford Strategic Partnership membership – June 2027", doc.Headings(DocxStyles.Heading1)[^2]);
    }

    private static async Task RunQuarterAsync(W world, int q, CancellationToken ct)
    {
        world.Clock.SetUtcNow(new DateTimeOffset(Meetings[q - 1].ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddDays(-10));
        var round = RoundAssert.Done(await world.Admin().OpenRoundAsync(W.Secretariat,
            new OpenRoundRequest { MeetingDate = Meetings[q - 1], Quarter = new FinancialQuarter(2026, q) }, ct));
        async Task<int> Id(string key) => await RoundAssert.UpdateIdAsync(world, round.RoundId, key, ct);

        RoundAssert.Saved(await world.Editor().SubmitAsync(W.EdLead, await Id("economic-development"), UpdatePatch.Replacing(new UpdateContent
        {
            Achievements = $"- Business survey wave {q} completed",
            Plans = q == 1 ? "- Publish the business survey results\n- Hold the first inclusive economy workshop" : $"- Publish the wave {q} findings",
            Challenges = "None",
            Rag = Rag.Green,
            PlanReviews = q == 2 ? [new(0, PlanStatus.Done, null), new(1, PlanStatus.Slipped, "Moved to the autumn")] : [],
        }), 0, ct));

        if (q <= 2)
        {
            RoundAssert.Saved(await world.Editor().SubmitAsync(W.ScLead, await Id("stronger-communities"),
                UpdatePatch.Replacing(RoundAssert.Complete() with { Achievements = $"Community hubs opened in quarter {q}" }), 0, ct));
        }

        var zc = await Id("zero-carbon");
        var submitted = RoundAssert.Saved(await world.Editor().SubmitAsync(W.ZcLead, zc, UpdatePatch.Replacing(RoundAssert.Complete() with
        {
            Achievements = q == 1 ? "- Heat network study commissioned in Q1" : $"- Sprint group {q} met",
        }), 0, ct));
        RoundAssert.Saved(await world.Editor().ApproveAsync(W.ZcChair, zc, null, submitted.Revision, ct));

        RoundAssert.Saved(await world.Editor().SubmitAsync(W.SfLead, await Id("safer-communities"), UpdatePatch.Replacing(RoundAssert.Complete() with
        {
            Achievements = $"Patrols in quarter {q} completed",
            Rag = q == 3 ? Rag.Amber : Rag.Green,
            RagReason = q == 3 ? "Two partners have withdrawn from the night-time economy group." : null,
        }), 0, ct));
    }

    /// The steering group's chair with a job title, a vacant seat, and meetings: one this year with an agenda, one
    /// cancelled, one the year before.
    private static async Task SeatTheSteeringGroupAsync(W world, CancellationToken ct)
    {
        await using var db = world.Db();
        var steering = await db.Groups.SingleAsync(g => g.Kind == GroupKind.SteeringGroup, ct);
        var chair = await db.People.SingleAsync(p => p.Name == "Olive OspChair", ct);
        (chair.RoleTitle, chair.Organisation) = ("Chief Executive", "River Learning Trust");
        db.People.Add(new Person
        {
            Name = "Vacant",
            RoleTitle = "Larger Business Representative",
            IsVacant = true,
            Memberships = [new Membership { GroupId = steering.Id, Role = MembershipRole.Member }],
        });
        Meeting On(DateTimeOffset start, string agenda, MeetingState state = MeetingState.Scheduled) => new()
        {
            GroupId = steering.Id,
            Title = "OSP steering group",
            Agenda = agenda,
            StartsAt = start,
            EndsAt = start.AddHours(2),
            State = state,
            TransactionId = Guid.NewGuid().ToString("N"),
            CreatedAt = start.AddDays(-30),
        };
        db.Meetings.AddRange(
            On(new(2026, 9, 14, 10, 0, 0, TimeSpan.Zero), "1. Apologies\n2. The local Oxford economy\n3. Any other business"),
            On(new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), "Cancelled topic", MeetingState.Cancelled),
            On(new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero), "Last year's topic"));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<byte[]> CompileAsync(W world, CancellationToken ct)
    {
        ReportCompilationService Service()
        {
            var db = world.Db();
            return new(db, Mock.Of<IReportJobs>(), world.Clock, new ReportSettings(db, world.Clock, new ReportSeed(null)),
                new SubGroupReports(db, new SubGroupSettings(db, world.Clock)), NullLogger<ReportCompilationService>.Instance);
        }
        var started = Assert.IsType<CompileRequestResult.Started>(await Service().RequestAsync(W.Secretariat, 2026, null, ct));
        var done = await Service().RunAsync(started.Compilation.Id, (_, _) => Task.CompletedTask, ct);
        Assert.Equal(CompilationState.Succeeded, done!.State);
        return done.Docx!;
    }
}
