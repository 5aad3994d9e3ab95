using Microsoft.EntityFrameworkCore;
using OspBot.Escalations;
using OspBot.MeetingPack;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Rounds;
using OspBot.Tests.Fakes;
using OspBot.Tests.Meetings;
using OspBot.Tests.Reports;
using OspBot.Tests.Requests;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.MeetingPack;

/// Issue 15: the steering group's pack built from a round with one late and one missing update, read back with the
/// Open XML SDK: agenda, summary table, each update in full, the register; every version kept.
public sealed class MeetingPackTests
{
    [Fact]
    public async Task The_pack_has_the_agenda_the_summary_each_update_and_the_register_in_order_and_is_valid()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await RoundWithLateAndMissingAsync(ct);

        var pack = Found(await Builder(world).BuildAsync(W.Secretariat, ct));
        Assert.Equal((1, "Q3 2026/27"), (pack.Version, pack.QuarterLabel));
        using var doc = new DocxReader(await DocxAsync(world, pack.PackId, ct));

        Assert.Empty(doc.ValidationErrors());
        Assert.Equal([MeetingPackDocument.Agenda, MeetingPackDocument.Summary, MeetingPackDocument.Updates, MeetingPackDocument.Register],
            doc.Headings(DocxStyles.Heading1));
        Assert.Equal(["Requests awaiting a decision", "Escalated challenges", "Economic Development", "Safer Communities",
            "Stronger Communities (late)", "Zero Carbon Oxford Partnership (missing)"], doc.Headings(DocxStyles.Heading2));

        var paragraphs = doc.Paragraphs().Select(p => p.Text).ToList();
        var agenda = paragraphs.IndexOf(MeetingPackDocument.Agenda);
        Assert.Equal(["OSP Steering Group, Mon 2 Nov 2026 14:00", "Welcome and apologies", "Q3 updates from the sub-groups", "Any other business"],
            paragraphs[(agenda + 1)..(agenda + 5)]);

        var tables = doc.Tables();
        Assert.Equal(
        [
            ["Sub-group", "RAG", "Reason", "Trend since Q2 2026/27"],
            ["Economic Development", "Green", "", "Unchanged"],
            ["Safer Communities", "Green", "", "No RAG last quarter"],
            ["Stronger Communities", "Red", "Officer vacancy", "Worse (was Amber)"],
            ["Zero Carbon Oxford Partnership", "Missing", "", ""],
        ], DocxReader.Rows(tables[1]));
        var text = doc.AllText();
        Assert.Contains("Missing: Zero Carbon Oxford Partnership", text, StringComparison.Ordinal);
        Assert.Contains("No update was submitted by: Zero Carbon Oxford Partnership.", text, StringComparison.Ordinal);
        Assert.Contains("Stronger Communities (Q3 2026/27, New): A venue for the summit", text, StringComparison.Ordinal);
        Assert.Contains("Stronger Communities: Reported since Q2 2026/27: Still no supporting officer since February, which slows everything", text, StringComparison.Ordinal);
        Assert.Contains("Did things late", text, StringComparison.Ordinal);
        var register = DocxReader.Rows(tables[2]);
        Assert.Equal(["Stronger Communities", "Q3 2026/27", "A venue for the summit", "New", "", "", ""], register[1]);
    }

    [Fact]
    public async Task Every_build_is_a_new_version_kept_and_only_the_secretariat_and_steering_group_get_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await RoundWithLateAndMissingAsync(ct);

        var first = Found(await Builder(world).BuildAsync(W.Secretariat, ct));
        var second = Found(await Builder(world).BuildAsync(W.Secretariat, ct));
        Assert.Equal((1, 2), (first.Version, second.Version));
        await using var db = world.Db();
        Assert.Equal(2, await db.Set<MeetingPackVersion>().CountAsync(ct));
        Assert.IsType<Lookup<BuiltPack>.Refused>(await Builder(world).BuildAsync(W.ScLead, ct));

        var chair = await PersonIdAsync(world, "Olive OspChair", ct);
        var lead = await PersonIdAsync(world, "Sue Lead", ct);
        Assert.Equal(first.FileName, (await Builder(world).DownloadAsync(first.PackId, chair, ct))?.FileName);
        Assert.Null(await Builder(world).DownloadAsync(first.PackId, lead, ct));
    }

    [Fact]
    public async Task The_deadline_job_queues_one_first_pack_per_round_once_the_deadline_has_passed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await RoundWithLateAndMissingAsync(ct);
        await using (var db = world.Db())
        {
            // The Q3 round's deadline is moved past "now" (28 Oct): nothing is due for it yet, only Q2's.
            var q3 = await db.Rounds.SingleAsync(r => r.Quarter == 3, ct);
            q3.DeadlineAt = world.Clock.GetUtcNow().AddDays(1);
            await db.SaveChangesAsync(ct);
        }

        var jobs = new QueuedJobs();
        Assert.Equal("Q2 2026/27", await QuarterOfAsync(world, await RunAsync(world, Assert.Single(await Builds(world, jobs).QueueDueAsync(ct)), ct), ct));
        world.Clock.Advance(TimeSpan.FromDays(2));
        var built = await RunAsync(world, Assert.Single(await Builds(world, jobs).QueueDueAsync(ct)), ct);
        Assert.Equal("Q3 2026/27", await QuarterOfAsync(world, built, ct));
        Assert.Empty(await Builds(world, jobs).QueueDueAsync(ct));
        Assert.Equal(2, jobs.Queued.Count);

        await using var check = world.Db();
        Assert.Equal((1, (int?)null), await check.Set<MeetingPackVersion>().Where(p => p.Id == built.PackId)
            .Select(p => ValueTuple.Create(p.Version, p.BuiltByPersonId)).SingleAsync(ct));
    }

    [Fact]
    public async Task With_Graph_each_pack_is_uploaded_next_to_the_annual_reports_and_a_failed_upload_keeps_the_pack()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await RoundWithLateAndMissingAsync(ct);
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Json(201, GraphReportPublisherTests.UploadReply("pack.docx"));

        var pack = Found(await Builder(world, GraphReportPublisherTests.Publisher(stub)).BuildAsync(W.Secretariat, ct));

        Assert.Equal(new Uri(GraphReportPublisherTests.WebUrl), pack.SharePointUrl);
        var upload = Assert.Single(stub.Requests);
        Assert.Equal(("PUT", "/v1.0/drives/b%21Drive_Id-1/root:/OSP/Annual%20reports/OSP%20steering%20group%20pack%20Q3%202026-27%20v1.docx:/content"),
            (upload.Method, upload.RawTarget));
        Assert.Equal(await DocxAsync(world, pack.PackId, ct), upload.RawBody);

        stub.Respond = (_, _) => StubReply.Error(403, "accessDenied");
        var kept = Found(await Builder(world, GraphReportPublisherTests.Publisher(stub)).BuildAsync(W.Secretariat, ct));
        Assert.Equal((2, (Uri?)null), (kept.Version, kept.SharePointUrl));
        Assert.Contains("Sites.Selected", kept.PublishError, StringComparison.Ordinal);
        Assert.NotEmpty(await DocxAsync(world, kept.PackId, ct));
    }

    [Theory]
    [InlineData(Rag.Red, Rag.Amber, "Worse (was Amber)")]
    [InlineData(Rag.Green, Rag.Red, "Better (was Red)")]
    [InlineData(Rag.Amber, Rag.Amber, "Unchanged")]
    [InlineData(Rag.Amber, null, "No RAG last quarter")]
    public void The_trend_compares_with_last_quarter(Rag now, Rag? before, string expected) =>
        Assert.Equal(expected, MeetingPackDocument.Trend(now, before));

    internal static MeetingPackBuilder Builder(W world, IReportPublisher? publisher = null, IMeetingCalendar? calendar = null, OspBot.Data.OspDbContext? db = null)
    {
        db ??= world.Db();
        var publishing = new MeetingPackPublishing(db, publisher is null ? [] : [publisher], calendar is null ? null : new MeetingCalendarAvailability(calendar));
        return new(db, RequestRegisterTests.Register(world), new EscalationFinder(world.Db(), world.Clock), publishing, world.Clock);
    }

    internal static MeetingPackBuilds Builds(W world, IMeetingPackJobs jobs)
    {
        var db = world.Db();
        return new(db, Builder(world, db: db), jobs, world.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<MeetingPackBuilds>.Instance);
    }

    private static async Task<MeetingPackBuild> RunAsync(W world, int buildId, CancellationToken ct)
    {
        var done = await Builds(world, new QueuedJobs()).RunAsync(buildId, (_, _) => Task.CompletedTask, ct);
        Assert.Equal(CompilationState.Succeeded, done?.State);
        return done!;
    }

    private static async Task<string> QuarterOfAsync(W world, MeetingPackBuild build, CancellationToken ct)
    {
        await using var db = world.Db();
        var roundId = await db.Set<MeetingPackVersion>().Where(p => p.Id == build.PackId).Select(p => p.RoundId).SingleAsync(ct);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, ct);
        return new FinancialQuarter(round.FinancialYearStart, round.Quarter).Label;
    }

    /// The Quartz queue's place: the builds asked for, run by the test itself.
    internal sealed class QueuedJobs : IMeetingPackJobs
    {
        public List<int> Queued { get; } = [];

        public Task QueueAsync(int buildId, CancellationToken ct)
        {
            Queued.Add(buildId);
            return Task.CompletedTask;
        }
    }

    /// Q2: Stronger Communities amber with a block, Economic Development green. Q3 (meeting 2 Nov, deadline 26 Oct):
    /// Economic Development and Safer Communities on time, Stronger Communities late (red, the same block, a request),
    /// Zero Carbon missing; the steering group meeting linked to the round with its agenda.
    internal static async Task<W> RoundWithLateAndMissingAsync(CancellationToken ct)
    {
        var world = await W.CreateAsync(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), ct);
        var q2 = Done(await world.Admin().OpenRoundAsync(W.Secretariat, new OpenRoundRequest { MeetingDate = new(2026, 8, 10), Quarter = new(2026, 2) }, ct));
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 22, 10, 0, 0, TimeSpan.Zero));
        await SubmitAsync(world, q2.RoundId, "stronger-communities", W.ScLead, Complete() with { Challenges = "No supporting officer since February", Rag = Rag.Amber, RagReason = "Officer vacancy" }, ct);
        await SubmitAsync(world, q2.RoundId, "economic-development", W.EdLead, Complete(), ct);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero));
        var q3 = await OpenAsync(world, ct);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 10, 0, 0, TimeSpan.Zero));
        await SubmitAsync(world, q3.RoundId, "economic-development", W.EdLead, Complete(), ct);
        await SubmitAsync(world, q3.RoundId, "safer-communities", W.SfLead, Complete(), ct);
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 28, 10, 0, 0, TimeSpan.Zero));
        await SubmitAsync(world, q3.RoundId, "stronger-communities", W.ScLead, Complete(" late") with
        {
            Challenges = "Still no supporting officer since February, which slows everything",
            Requests = "A venue for the summit",
            Rag = Rag.Red,
            RagReason = "Officer vacancy",
        }, ct);
        await using var db = world.Db();
        db.Meetings.Add(new Meeting
        {
            GroupId = await db.Groups.Where(g => g.Kind == GroupKind.SteeringGroup).Select(g => g.Id).SingleAsync(ct),
            Title = "OSP Steering Group",
            Agenda = "Welcome and apologies\n• Q3 updates from the sub-groups\n\nAny other business",
            StartsAt = new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero),
            State = MeetingState.Scheduled,
            TransactionId = "pack-test-meeting",
            RoundId = q3.RoundId,
            CreatedAt = world.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return world;
    }

    private static async Task<byte[]> DocxAsync(W world, int packId, CancellationToken ct)
    {
        await using var db = world.Db();
        return await db.Set<MeetingPackVersion>().Where(p => p.Id == packId).Select(p => p.Docx).SingleAsync(ct);
    }

    private static async Task<int> PersonIdAsync(W world, string name, CancellationToken ct)
    {
        await using var db = world.Db();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(ct);
    }

    private static async Task SubmitAsync(W world, int roundId, string group, Actor lead, UpdateContent content, CancellationToken ct)
    {
        var update = await UpdateIdAsync(world, roundId, group, ct);
        var result = await world.Editor().SubmitAsync(lead, update, UpdatePatch.Replacing(content), 0, ct);
        Assert.True(result is UpdateResult.Saved, $"{group}: {result}");
    }
}
