using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Cards.MeetingPack;
using OspBot.Cards.Rounds;
using OspBot.Data;
using OspBot.MeetingPack;
using OspBot.Reports;
using OspBot.Tests.Cards;
using OspBot.Tests.Fakes;
using OspBot.Tests.Reports;
using OspBot.Tests.Rounds;
using OspBot.Tests.Schemas;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.MeetingPack;

/// Issue 15: the pack is a persisted job. `meeting pack` answers at once with a progress card, which the job turns into
/// the download card; a double click gives one build; a failed build says so, loses nothing, and "Build again" works.
/// The real HTTP pipeline, Quartz and the database, with a fake Bot Connector.
public sealed class MeetingPackJobTests
{
    private const string Done = "Meeting pack for Q3 2026/27 (version 1)";

    [Fact]
    public async Task The_progress_card_comes_at_once_and_is_updated_in_place_with_the_download_link()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await RoundWithAnUpdateAsync(null, ct);

        var progress = Assert.Single(await wire.SayAsync(Sec, "meeting pack", ct));
        Assert.Contains("Building the meeting pack for Q3 2026/27", progress.GetRawText(), StringComparison.Ordinal);
        var result = await wire.Connector.WaitForAsync(r => r.Body?.GetRawText().Contains(Done, StringComparison.Ordinal) == true, ct, TimeSpan.FromSeconds(30));

        var reply = wire.Connector.InArrivalOrder().Last(r => r.Method == "POST" && r.Body?.GetRawText().Contains("Building the meeting pack", StringComparison.Ordinal) == true);
        var updates = wire.Connector.InArrivalOrder().Where(r => r.Index > reply.Index).ToList();
        Assert.All(updates, r => Assert.Equal("PUT", r.Method));
        Assert.All(updates, r => Assert.Equal(updates[0].Path, r.Path));
        var shown = updates.Select(r => string.Join("\n", CardQueries.Texts(CardOf(r)))).ToList();
        Assert.Contains(shown, s => s.Contains("Building the meeting pack for Q3 2026/27 — reading 1 update …", StringComparison.Ordinal));
        Assert.Contains(shown, s => s.Contains("Building the meeting pack for Q3 2026/27 — writing the document …", StringComparison.Ordinal));
        Assert.Same(result, updates[^1]);
        var card = CardOf(result);

        using var download = await wire.Client.GetAsync(ReportWorld.ActionUrl(card, "Download the pack (.docx)"), ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var doc = new DocxReader(await download.Content.ReadAsByteArrayAsync(ct));
        Assert.Contains("Hub opened", doc.AllText(), StringComparison.Ordinal);
        var build = Assert.Single(await BuildsAsync(wire, ct));
        Assert.Equal((CompilationState.Succeeded, true), (build.State, build.ResultSentAt is not null));
    }

    [Fact]
    public async Task A_double_click_gives_one_build()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await RoundWithAnUpdateAsync(null, ct);
        // Teams is slow to take the first progress card: the second click comes while the first build is only queued.
        wire.Connector.ResponseDelay = TimeSpan.FromSeconds(1);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => wire.Client.PostAsync("/api/messages", Activities.Json(wire.MessageFrom(Sec, "meeting pack")), ct)));
        wire.Connector.ResponseDelay = TimeSpan.Zero;
        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        await wire.Connector.WaitForAsync(r => r.Body?.GetRawText().Contains(Done, StringComparison.Ordinal) == true, ct, TimeSpan.FromSeconds(30));

        Assert.Single(wire.Connector.Requests, r => r.Body?.GetRawText().Contains("is being built already", StringComparison.Ordinal) == true);
        Assert.Single(await BuildsAsync(wire, ct));
        Assert.Single(await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Set<MeetingPackVersion>().ToListAsync(ct)));
    }

    [Fact]
    public async Task A_failed_build_is_shown_loses_nothing_and_building_again_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        var disk = new FailingPackWrite();
        await using var wire = await RoundWithAnUpdateAsync(s => s.ConfigureDbContext<SqliteOspDbContext>(o => o.AddInterceptors(disk)), ct);

        await wire.SayAsync(Sec, "meeting pack", ct);
        var failed = await wire.Connector.WaitForAsync(r => r.Body?.GetRawText().Contains("could not be built", StringComparison.Ordinal) == true, ct, TimeSpan.FromSeconds(30));
        var card = CardOf(failed);
        Assert.Contains("The disk is full", card.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Nothing was lost", card.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(CompilationState.Failed, Assert.Single(await BuildsAsync(wire, ct)).State);

        var again = await wire.ExecuteAsync(Sec, MeetingPackVerbs.Build, new JsonObject(), ct);
        Assert.Contains("Building the meeting pack for Q3 2026/27", again.GetRawText(), StringComparison.Ordinal);
        var result = await wire.Connector.WaitForAsync(r => r.Body?.GetRawText().Contains(Done, StringComparison.Ordinal) == true, ct, TimeSpan.FromSeconds(30));
        Assert.Equal("PUT", result.Method);

        Assert.Equal([CompilationState.Failed, CompilationState.Succeeded], (await BuildsAsync(wire, ct)).Select(b => b.State));
        var pack = Assert.Single(await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Set<MeetingPackVersion>().ToListAsync(ct)));
        Assert.Equal(1, pack.Version);
    }

    /// The secretariat and a lead linked, Q3 2026/27 open and the lead's update submitted.
    internal static async Task<RoundsWire> RoundWithAnUpdateAsync(Action<IServiceCollection>? services, CancellationToken ct)
    {
        var wire = await StartAsync(services);
        await wire.LinkAsync(ct);
        foreach (var user in new[] { Sec, LeadA })
        {
            await wire.SayAsync(user, "hi", ct);
        }
        await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        var prompt = (await wire.SayAsync(LeadA, "my update", ct))[0];
        await wire.ExecuteAsync(LeadA, RoundVerbs.Submit, CardData.Of(prompt, RoundVerbs.Submit)
            .With("achievements", "Hub opened").With("plans", "Two more").With("challenges", "Funding").With("rag", "amber")
            .With("ragReason", "Funding gap").With("requests", "A venue for the summit"), ct);
        return wire;
    }

    /// A card the job sent or replaced, checked against the Adaptive Card schema.
    private static JsonElement CardOf(ConnectorRequest request)
    {
        var card = ReportWorld.CardOf(request.Body!.Value);
        AdaptiveCardSchema.AssertValid(card);
        return card;
    }

    private static Task<List<MeetingPackBuild>> BuildsAsync(RoundsWire wire, CancellationToken ct) =>
        wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Set<MeetingPackBuild>().AsNoTracking().OrderBy(b => b.Id).ToListAsync(ct));

    /// The database refuses the first write of a pack (a full disk), once.
    private sealed class FailingPackWrite : SaveChangesInterceptor
    {
        private int _failed;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var writesPack = eventData.Context?.ChangeTracker.Entries<MeetingPackVersion>().Any(e => e.State == EntityState.Added) == true;
            return writesPack && Interlocked.Exchange(ref _failed, 1) == 0
                ? throw new DbUpdateException("The disk is full.")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
