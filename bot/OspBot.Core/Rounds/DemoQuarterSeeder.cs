using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;

namespace OspBot.Rounds;

/// The playground's --demo-data: earlier quarters' updates from the demo file, submitted at start by the sub-group's
/// lead through the real UpdateEditor into closed past rounds. Idempotent: a quarter that has a round already is
/// left alone, so a second start adds nothing. Runs once every hosted service has started (the directory is seeded).
internal sealed class DemoQuarterSeeder(
    IServiceScopeFactory scopes, IOptions<DemoOptions> options, IHostEnvironment env, TimeProvider clock,
    ILogger<DemoQuarterSeeder> logger) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.PreviousQuarters is not { Length: > 0 } path)
        {
            return;
        }
        var full = Path.GetFullPath(Path.Combine(env.ContentRootPath, path));
        var file = await DemoQuartersFile.ReadAsync(full, cancellationToken);
        var today = FinancialQuarter.Of(London.Date(clock.GetUtcNow()));
        foreach (var update in file.Updates.OrderByDescending(u => u.QuartersAgo))
        {
            await using var scope = scopes.CreateAsyncScope();
            await SeedAsync(scope.ServiceProvider, update, QuartersBefore(today, update.QuartersAgo), cancellationToken);
        }
    }

    private async Task SeedAsync(IServiceProvider services, DemoQuarterUpdate demo, FinancialQuarter quarter, CancellationToken ct)
    {
        var db = services.GetRequiredService<OspDbContext>();
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Key == demo.Group && g.Kind == GroupKind.SubGroup, ct)
            ?? throw new InvalidDataException($"The demo file names the sub-group '{demo.Group}', which the directory does not have.");
        if (await db.Rounds.AnyAsync(r => r.FinancialYearStart == quarter.StartYear && r.Quarter == quarter.Quarter, ct))
        {
            logger.DemoQuarterPresent(quarter.Label, group.Name);
            return;
        }
        var submitter = await SubmitterAsync(db, group, ct)
            ?? throw new InvalidDataException($"The demo sub-group '{demo.Group}' has no lead or chair to submit its update.");

        // Open with the deadline still ahead, so the submission is on time; the round then gets its real past dates.
        var now = clock.GetUtcNow();
        var round = new UpdateRound
        {
            FinancialYearStart = quarter.StartYear,
            Quarter = quarter.Quarter,
            MeetingDate = quarter.LastDay,
            PromptAt = London.ToUtc(quarter.LastDay.AddDays(-28), new TimeOnly(9, 0)),
            DeadlineAt = now.AddDays(1),
            State = RoundState.Open,
            OpenedAt = London.ToUtc(quarter.LastDay.AddDays(-28), new TimeOnly(9, 0)),
        };
        var subGroups = await db.Groups.Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Id).Select(g => g.Id).ToListAsync(ct);
        round.Updates = [.. subGroups.Select(id => new SubGroupUpdate { GroupId = id, Status = UpdateStatus.NotStarted })];
        db.Rounds.Add(round);
        await db.SaveChangesAsync(ct);

        var updateId = round.Updates.Single(u => u.GroupId == group.Id).Id;
        var editor = services.GetRequiredService<UpdateEditor>();
        var result = await editor.SubmitAsync(Actor.FromPerson(submitter), updateId, UpdatePatch.Replacing(demo.Content), 0, ct);
        if (result is not UpdateResult.Saved)
        {
            throw new InvalidDataException($"The demo update of '{demo.Group}' for {quarter.Label} was not accepted: {result}.");
        }
        round.DeadlineAt = London.ToUtc(quarter.LastDay.AddDays(-7), new TimeOnly(17, 0));
        round.State = RoundState.Closed;
        round.ClosedAt = now;
        await db.SaveChangesAsync(ct);
        // Stamped as sent two days before the deadline: history and the read-only card otherwise say it came today.
        await BackdateAsync(db, updateId, round.DeadlineAt.AddDays(-2), ct);
        logger.DemoQuarterSeeded(quarter.Label, group.Name, demo.Source ?? "the demo file");
    }

    private static async Task BackdateAsync(OspDbContext db, int updateId, DateTimeOffset at, CancellationToken ct)
    {
        await db.SubGroupUpdates.Where(u => u.Id == updateId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.SubmittedAt, at).SetProperty(x => x.LastEditedAt, at), ct);
        await db.UpdateVersions.Where(v => v.SubGroupUpdateId == updateId).ExecuteUpdateAsync(v => v.SetProperty(x => x.SavedAt, at), ct);
    }

    private static Task<int?> SubmitterAsync(OspDbContext db, Group group, CancellationToken ct)
    {
        // In a group whose chair approves, the chair's own submission is final; otherwise the lead submits.
        var first = group.RequiresChairApproval ? MembershipRole.Chair : MembershipRole.Lead;
        return db.Memberships.Where(m => m.GroupId == group.Id && (m.Role == MembershipRole.Lead || m.Role == MembershipRole.Chair))
            .OrderBy(m => m.Role == first ? 0 : 1).ThenBy(m => m.PersonId).Select(m => (int?)m.PersonId).FirstOrDefaultAsync(ct);
    }

    private static FinancialQuarter QuartersBefore(FinancialQuarter quarter, int count)
    {
        var index = quarter.StartYear * 4 + quarter.Quarter - 1 - count;
        return new FinancialQuarter(index / 4, index % 4 + 1);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class DemoQuarterLog
{
    [LoggerMessage(1395, LogLevel.Information, "Demo data: {Quarter} has a round already; the demo update of {Group} is not added again")]
    public static partial void DemoQuarterPresent(this ILogger logger, string quarter, string group);

    [LoggerMessage(1396, LogLevel.Information, "Demo data: the update of {Group} for {Quarter} submitted ({Source})")]
    public static partial void DemoQuarterSeeded(this ILogger logger, string quarter, string group, string source);
}
