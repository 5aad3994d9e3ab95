using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using OspBot.Commands;
using OspBot.Data;
using OspBot.Jobs.Reports;
using OspBot.Teams;

namespace OspBot.Reports;

public static class ReportsFeature
{
    /// <summary>
    /// The annual report: compilation (the `compile report` command and the cards' buttons, the job, start-up
    /// recovery), the requester's card, the SharePoint copy when Graph and Reports:SharePointDriveId are set, and the
    /// signed download links (MapReports serves them) with their key ring.
    /// </summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(ReportOptions.Section).Get<ReportOptions>() ?? new();
        // Links must survive restarts and work on every instance, so the keys that sign them are kept on disk
        // (a shared folder when there are several instances), not in memory.
        builder.Services.AddDataProtection()
            .SetApplicationName("OspBot")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeyRingFolder ?? DefaultKeyFolder(builder)));
        builder.Services.AddReportServices();
        builder.Services.AddReportPublishing(builder.Configuration);
        builder.Services.AddScoped<IReportCardSender, ConnectorReportCardSender>();
        builder.Services.AddScoped<IReportCardRenderer, ReportCardRenderer>();
        builder.Services.AddBotCommands(ReportCommands.Declare);
        builder.Services.AddReportJobs();
        return builder;
    }

    /// Beside the SQLite database file; under the content root's data folder otherwise (PostgreSQL, in-memory).
    private static string DefaultKeyFolder(IHostApplicationBuilder builder)
    {
        var db = DatabaseOptions.Resolve(builder);
        if (db.Provider == DatabaseProvider.Sqlite && !DatabaseOptions.IsInMemory(db.ConnectionString ?? "")
            && Path.GetDirectoryName(new SqliteConnectionStringBuilder(db.ConnectionString).DataSource) is { Length: > 0 } folder)
        {
            return Path.Combine(folder, "keys");
        }

        return Path.Combine(builder.Environment.ContentRootPath, "data", "keys");
    }
}
