using OspBot.Commands;
using OspBot.Hosting;
using OspBot.Jobs.Reports;
using OspBot.Teams;

namespace OspBot.Reports;

public static class ReportsFeature
{
    /// <summary>
    /// The annual report: the year's settings (the `report settings` card), compilation (the `compile report` command and the cards' buttons, the job, start-up
    /// recovery), the requester's card, the SharePoint copy when Graph and Reports:SharePointDriveId are set, and the
    /// signed download links (MapReports serves them).
    /// </summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSignedLinks();
        builder.Services.AddReportServices();
        builder.Services.AddReportPublishing(builder.Configuration);
        builder.Services.AddScoped<IReportCardSender, ConnectorReportCardSender>();
        builder.Services.AddScoped<IReportCardRenderer, ReportCardRenderer>();
        builder.Services.AddBotCommands(ReportCommands.Declare);
        builder.Services.AddBotCommands(ReportSettingsCommands.Declare);
        builder.Services.AddReportJobs();
        return builder;
    }
}
