using Microsoft.Extensions.DependencyInjection;

namespace OspBot.Jobs.Reports;

public static class ReportJobsExtensions
{
    /// The compile-report job, its runner, and start-up recovery of unfinished compilations. Called by AddReports.
    public static IServiceCollection AddReportJobs(this IServiceCollection services)
    {
        services.AddScoped<ReportCompilationRunner>();
        services.AddScoped<CompileReportJob>();
        services.AddHostedService<ReportRecovery>();
        return services;
    }
}
