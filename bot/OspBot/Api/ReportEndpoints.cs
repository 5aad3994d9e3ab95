using System.Text;
using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Jobs.Reports;
using OspBot.Reports;
using OspBot.Teams.Reports;

namespace OspBot.Api;

/// The annual report: compilation (Teams command, job) and GET /reports/{id}/download, the link on the result card.
public static class ReportEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// Compilation service, job and recovery, the Teams command, download links and their key ring. Call after
    /// AddOspDatabase, AddTeamsBot and AddOspJobs.
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReportOptions>()
            .BindConfiguration(ReportOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(ReportOptions.Section).Get<ReportOptions>() ?? new();
        // Links must survive restarts and work on every instance: the keys that sign them live in the database,
        // or in Reports:KeyRingFolder when an operator asks for a folder.
        builder.Services.AddOspKeyRing(options.KeyRingFolder);

        builder.Services.AddScoped<ReportCompilationService>();
        builder.Services.AddSingleton<ReportLinks>();
        builder.Services.AddScoped<IReportCardSender, ConnectorReportCardSender>();
        builder.Services.AddScoped<ReportCommandHandler>();
        builder.Services.AddReportJobs();
        return builder;
    }

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

        if (!await db.People.AnyAsync(p => p.Id == personId && p.IsSecretariat && !p.IsVacant, ct))
        {
            return Results.Text("Only the OSP secretariat can download the annual report.", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
        }

        var report = await db.ReportCompilations.AsNoTracking()
            .Where(c => c.Id == compilationId && c.State == CompilationState.Succeeded)
            .Select(c => new { c.FinancialYear, c.Version, c.Docx, c.Markdown })
            .SingleOrDefaultAsync(ct);
        if (report?.Docx is null)
        {
            return Results.Text("That report is not available.", "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound);
        }

        loggers.CreateLogger(typeof(ReportEndpoints)).ReportDownloaded(compilationId, personId);
        var version = report.Version ?? 1;
        return format is "md"
            ? Results.File(Encoding.UTF8.GetBytes(report.Markdown ?? ""), "text/markdown; charset=utf-8",
                ReportCompilationService.FileName(report.FinancialYear, version, "md"))
            : Results.File(report.Docx, DocxType, ReportCompilationService.FileName(report.FinancialYear, version));
    }
}
