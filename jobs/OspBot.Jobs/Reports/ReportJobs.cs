using Microsoft.Extensions.DependencyInjection;
using OspBot.Reports;

namespace OspBot.Jobs.Reports;

public static class ReportJobs
{
    /// The compile-report job and IReportJobs, which queues it. Quartz itself comes from AddOspJobs.
    public static IServiceCollection AddReportJobs(this IServiceCollection services)
    {
        services.AddScoped<CompileReportJob>();
        services.AddSingleton<IReportJobs, QuartzReportJobs>();
        return services;
    }
}
