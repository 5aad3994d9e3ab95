using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OspBot.Graph;

namespace OspBot.Meetings;

public static class MeetingCalendarExtensions
{
    /// <summary>
    /// Graph options (validated at start), <see cref="IMeetingCalendar"/> over Microsoft Graph when Graph:ClientId
    /// is set, and always <see cref="MeetingCalendarAvailability"/>. Without Graph nothing is registered for
    /// IMeetingCalendar: a stand-in that pretends to book would hide that no invitation went out. Callers ask
    /// MeetingCalendarAvailability and use the .ics fallback when it says no.
    /// </summary>
    public static IHostApplicationBuilder AddMeetingCalendar(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        var graph = builder.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new();
        if (graph.IsConfigured)
        {
            builder.Services.AddSingleton<IMeetingCalendar>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
                var logger = sp.GetRequiredService<ILogger<GraphMeetingCalendar>>();
                logger.GraphCalendarConfigured(options.OrganiserMailbox!, CredentialKind(options));
                var client = GraphClients.Create(options, GraphClients.Credential(options));
                return new GraphMeetingCalendar(client, options, sp.GetRequiredService<TimeProvider>(), logger);
            });
        }

        // Resolved from the container, so a test that registers a fake IMeetingCalendar is "configured" too.
        builder.Services.AddSingleton(sp => new MeetingCalendarAvailability(
            sp.GetService<IMeetingCalendar>(), sp.GetRequiredService<IOptions<GraphOptions>>().Value.TeamsAppId,
            sp.GetRequiredService<IOptions<GraphOptions>>().Value.OrganiserMailbox));
        return builder;
    }

    private static string CredentialKind(GraphOptions options) =>
        options.UseManagedIdentity ? "a managed identity"
        : !string.IsNullOrWhiteSpace(options.FederatedClientId) ? "a federated credential"
        : string.IsNullOrWhiteSpace(options.CertificatePath) ? "a client secret"
        : "a certificate";
}

/// Whether OspBot can send calendar invitations itself. When it cannot, Reason is the message for the
/// secretariat and the meeting goes out as an .ics file (<see cref="IcsInvitation"/>).
public sealed class MeetingCalendarAvailability(IMeetingCalendar? calendar, string? teamsAppId = null, string? organiser = null)
{
    public bool IsConfigured => calendar is not null;

    /// The calendar, or null when Graph is not configured.
    public IMeetingCalendar? Calendar => calendar;

    /// Installing the app for members needs Graph and the app's catalog id (Graph:TeamsAppId).
    public string? TeamsAppId => IsConfigured && !string.IsNullOrWhiteSpace(teamsAppId) ? teamsAppId : null;

    /// The mailbox whose calendar holds the events (Graph:OrganiserMailbox); null without Graph.
    public string? Organiser => IsConfigured ? organiser : null;

    public string? Reason => IsConfigured ? null : MeetingInvitationFallback.NotConfigured;
}
