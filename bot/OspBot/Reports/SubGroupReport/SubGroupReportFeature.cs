using OspBot.Commands;

namespace OspBot.Reports;

public static class SubGroupReportFeature
{
    /// <summary>
    /// A sub-group's own annual report and briefing (seeds 001/003): `annual report <sub-group> <year>` compiled by the
    /// reports' job, and `sub-group settings <sub-group>`, the standing text, partnership table, projects and approver
    /// its chair or the secretariat keep from year to year.
    /// </summary>
    public static IHostApplicationBuilder AddSubGroupReport(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBotCommands(SubGroupReportCommands.Declare);
        builder.Services.AddBotCommands(SubGroupSettingsCommands.Declare);
        return builder;
    }
}
