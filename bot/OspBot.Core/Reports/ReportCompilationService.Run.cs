using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

internal sealed partial class ReportCompilationService
{
    /// Runs compilation <paramref name="compilationId"/> from the beginning unless it has finished already, reporting each
    /// stage; returns the row as it ends (Succeeded or Failed), or null if there is no such compilation.
    public async Task<ReportCompilation?> RunAsync(
        int compilationId, Func<CompileProgress, CancellationToken, Task> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var c = await db.ReportCompilations.SingleOrDefaultAsync(x => x.Id == compilationId, ct);
        if (c is null || c.State is CompilationState.Succeeded or CompilationState.Failed)
        {
            return c;
        }

        if (c.State == CompilationState.Running)
        {
            logger.CompilationResumed(c.Id, c.State.ToString());
        }

        c.State = CompilationState.Running;
        c.StartedAt = clock.GetUtcNow();
        try
        {
            await StageAsync(c, new CompileProgress("Gathering the year's updates", 0, 0), progress, ct);
            var input = await GatherAsync(c.FinancialYear, ct);
            // A sub-group's own report goes through its own updates only.
            var groups = input.SubGroups.Where(g => c.GroupName is null || g.Name == c.GroupName).ToList();
            for (var i = 0; i < groups.Count; i++)
            {
                await StageAsync(c, new CompileProgress($"{groups[i].Name}: {groups[i].Updates.Count} update(s)", i + 1, groups.Count), progress, ct);
            }

            await StageAsync(c, new CompileProgress("Writing the document", groups.Count, groups.Count), progress, ct);
            await CompleteAsync(c, input, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bad profile file or a writer bug: the requester hears it failed instead of waiting for ever.
            logger.CompilationFailed(ex, c.Id);
            c.State = CompilationState.Failed;
            c.Stage = "Failed";
            c.Error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            c.CompletedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return c;
    }

    private async Task StageAsync(
        ReportCompilation c, CompileProgress step, Func<CompileProgress, CancellationToken, Task> progress, CancellationToken ct)
    {
        c.Stage = step.Stage.Length > 300 ? step.Stage[..300] : step.Stage;
        await db.SaveChangesAsync(ct);
        await progress(step, ct);
    }

    private async Task CompleteAsync(ReportCompilation c, AnnualReportInput input, CancellationToken ct)
    {
        var parts = c.GroupId is null ? await SignedParts.LoadAsync(db, c.FinancialYear, ct) : null;
        var model = c.GroupId is { } groupId ? await subGroupReports.ModelAsync(groupId, input, ct) : AnnualReportCompiler.Compile(input, parts);
        using var docx = new MemoryStream();
        DocxReportWriter.Write(model, docx);
        var version = 1 + await db.ReportCompilations.CountAsync(
            x => x.FinancialYear == c.FinancialYear && x.GroupId == c.GroupId && x.State == CompilationState.Succeeded, ct);
        var missing = input.MissingUpdates.Where(m => c.GroupName is null || m.SubGroup == c.GroupName).ToList();

        c.Docx = docx.ToArray();
        c.Markdown = MarkdownReportWriter.Write(model);
        c.Version = version;
        c.FileName = c.GroupName is { } name ? SubGroupReports.FileName(name, c.FinancialYear, version) : FileName(c.FinancialYear, version);
        c.Missing = missing.Count == 0 ? null : string.Join('\n', missing.Select(m => $"{m.SubGroup}: Q{m.Quarter}"));
        var notApproved = parts?.Where(p => !p.Value.Approved).Select(p => p.Key).Order(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        c.NotApproved = notApproved.Count == 0 ? null : string.Join('\n', notApproved);
        c.State = CompilationState.Succeeded;
        c.Stage = "Done";
        c.Error = null;
        c.CompletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        logger.CompilationSucceeded(c.Id, c.FileName, missing.Count);
    }

    /// "OSP annual report 2024-25 (v3).docx"
    public static string FileName(int year, int version, string extension = "docx") =>
        string.Create(CultureInfo.InvariantCulture, $"OSP annual report {FinancialYears.Label(year).Replace('/', '-')} (v{version}).{extension}");
}
