using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Graph;

namespace OspBot.Reports;

public static class ReportPublishingExtensions
{
    /// Uploads compiled reports to SharePoint/OneDrive (<see cref="GraphReportPublisher"/>) when Graph is configured
    /// (Graph:ClientId) and Reports:SharePointDriveId is set; otherwise registers nothing and the result card keeps
    /// only the download link.
    internal static IServiceCollection AddReportPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        var graph = configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new();
        var reports = configuration.GetSection(ReportOptions.Section).Get<ReportOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(reports.SharePointDriveId))
        {
            return services;
        }

        // A drive id without Graph would silently upload nothing: stop at start-up instead, naming both settings.
        services.AddOptions<ReportOptions>()
            .Validate<IOptions<GraphOptions>>(
                (_, g) => g.Value.IsConfigured,
                "Reports:SharePointDriveId is set but Graph is not configured (Graph:ClientId): set up Graph or remove the drive id.")
            .ValidateOnStart();
        if (graph.IsConfigured)
        {
            services.AddSingleton<IReportPublisher>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
                return new GraphReportPublisher(
                    GraphClients.Create(options, GraphClients.Credential(options)),
                    sp.GetRequiredService<IOptions<ReportOptions>>(),
                    sp.GetRequiredService<ILogger<GraphReportPublisher>>());
            });
        }

        return services;
    }
}
