using System.Text;
using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Members;

namespace OspBot.Reports;

/// GET /reports/{id}/download: the link on the report's result card.
public static class ReportEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// GET /reports/{compilationId}/download?t=token[&amp;format=md]
    public static RouteGroupBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/reports");
        group.MapGet("/{compilationId:int}/download", DownloadAsync).WithName("DownloadReport");
        return group;
    }

    private static async Task<IResult> DownloadAsync(
        int compilationId, string? t, string? format, ReportLinks links, OspDbContext db, ILoggerFactory loggers, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (links.Verify(compilationId, t) is not { } personId)
        {
            return Results.Text("This download link is not valid or has expired. Ask OspBot to compile the report again for a new link.",
                "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound);
        }

        var report = await db.ReportCompilations.AsNoTracking()
            .Where(c => c.Id == compilationId && c.State == CompilationState.Succeeded)
            .Select(c => new { c.FinancialYear, c.Version, c.Docx, c.Markdown, c.GroupId, c.FileName })
            .SingleOrDefaultAsync(ct);
        // The council report is the secretariat's; a sub-group's own report is also its chair's and lead's.
        var allowed = await db.People.AnyAsync(p => p.Id == personId && p.IsSecretariat && !p.IsVacant, ct)
            || (report?.GroupId is { } groupId && await db.Memberships.AnyAsync(m => m.PersonId == personId && m.GroupId == groupId
                && (m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead) && !m.Person!.IsVacant, ct));
        if (!allowed)
        {
            return Results.Text(report?.GroupId is null ? "Only the OSP secretariat can download the annual report."
                : "Only the sub-group's chair and lead, and the OSP secretariat, can download its annual report.",
                "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
        }
        if (report?.Docx is null)
        {
            return Results.Text("That report is not available.", "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound);
        }

        loggers.CreateLogger(typeof(ReportEndpoints)).ReportDownloaded(compilationId, personId);
        var fileName = report.FileName ?? ReportCompilationService.FileName(report.FinancialYear, report.Version ?? 1);
        return format is "md"
            ? Results.File(Encoding.UTF8.GetBytes(report.Markdown ?? ""), "text/markdown; charset=utf-8", Path.ChangeExtension(fileName, "md"))
            : Results.File(report.Docx, DocxType, fileName);
    }
}
