using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OspBot.Data;
using OspBot.Reports.Settings;

namespace OspBot.Reports;

public static class ReportsExtensions
{
    /// The reports' services: the year's settings, the sub-groups' standing settings and own reports, compilations, their runner and start-up recovery, and the download links, with
    /// ReportOptions from section "Reports". The bot draws and sends the card; the jobs project runs the job.
    internal static IServiceCollection AddReportServices(this IServiceCollection services)
    {
        services.RequireDatabaseFirst("AddReports");
        services.AddOptions<ReportOptions>()
            .BindConfiguration(ReportOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ReportSeed(sp.GetRequiredService<IOptions<ReportOptions>>().Value.ProfileFile));
        services.AddScoped<ReportSettings>();
        services.AddScoped<SubGroupSettings>();
        services.AddScoped<SubGroupReports>();
        services.AddScoped<ReportCompilationService>();
        services.AddSingleton<ReportLinks>();
        services.AddScoped<ReportCompilationRunner>();
        services.AddHostedService<ReportRecovery>();
        return services;
    }
}
