using System.Net;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using OspBot.Graph;
using G = Microsoft.Graph.Models;

namespace OspBot.Meetings;

/// The person-level calls (app installs, automatic replies) and the mapping to and from Graph's models.
internal sealed partial class GraphMeetingCalendar
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public async Task<AppInstallOutcome> InstallAppForUserAsync(string userId, string teamsAppId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(teamsAppId))
        {
            throw CalendarException.Invalid("Installing the Teams app needs the person's id and Graph:TeamsAppId.");
        }
        var install = new G.UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"{options.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{Uri.EscapeDataString(teamsAppId)}",
            },
        };
        var outcome = await CallAsync(GraphOperation.InstallApp, userId, async () =>
        {
            try
            {
                await graph.Users[userId].Teamwork.InstalledApps.PostAsync(install, cancellationToken: ct);
                return AppInstallOutcome.Installed;
            }
            catch (ApiException error) when (error.ResponseStatusCode == (int)HttpStatusCode.Conflict)
            {
                return AppInstallOutcome.AlreadyInstalled;
            }
        }, ct);
        logger.TeamsAppInstalled(userId, outcome.ToString());
        return outcome;
    }

    // The SDK has no request builder for this path, so it is sent through the SDK's own adapter (same
    // middleware, auth and error mapping) rather than fetching all mailbox settings.
    public async Task<AutomaticReplies> GetAutomaticRepliesAsync(string userId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw CalendarException.Invalid("Reading automatic replies needs the person's id.");
        }
        var request = new RequestInformation
        {
            HttpMethod = Method.GET,
            UrlTemplate = "{+baseurl}/users/{user%2Did}/mailboxSettings/automaticRepliesSetting",
            PathParameters = new Dictionary<string, object> { ["baseurl"] = graph.RequestAdapter.BaseUrl!, ["user%2Did"] = userId },
        };
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Prefer", _zone.PreferHeader);
        var setting = await CallAsync(GraphOperation.ReadAutomaticReplies, userId, () => graph.RequestAdapter.SendAsync(
            request, G.AutomaticRepliesSetting.CreateFromDiscriminatorValue, ErrorMapping, ct), ct);

        var status = setting?.Status switch
        {
            G.AutomaticRepliesStatus.AlwaysEnabled => AutomaticRepliesStatus.AlwaysEnabled,
            G.AutomaticRepliesStatus.Scheduled => AutomaticRepliesStatus.Scheduled,
            _ => AutomaticRepliesStatus.Disabled,
        };
        return new AutomaticReplies(status, GraphTime.FromGraph(setting?.ScheduledStartDateTime), GraphTime.FromGraph(setting?.ScheduledEndDateTime));
    }

    private G.Event ToGraphEvent(MeetingDraft draft) => new()
    {
        Subject = draft.Subject,
        Body = new G.ItemBody { ContentType = G.BodyType.Html, Content = AgendaHtml(draft.Agenda) },
        Start = _zone.ToGraph(draft.Start),
        End = _zone.ToGraph(draft.End),
        Attendees = [.. draft.Attendees.Select(a => new G.Attendee
        {
            EmailAddress = new G.EmailAddress { Address = a.Email, Name = a.Name ?? a.Email },
            Type = G.AttendeeType.Required,
        })],
        IsOnlineMeeting = true,
        OnlineMeetingProvider = G.OnlineMeetingProviderType.TeamsForBusiness,
        TransactionId = draft.TransactionId,
    };

    /// The agenda is user text: every line is HTML-encoded, so it cannot inject markup into the invitation.
    internal static string AgendaHtml(string? agenda)
    {
        if (string.IsNullOrWhiteSpace(agenda))
        {
            return "<p>No agenda has been circulated yet.</p>";
        }
        var lines = agenda.ReplaceLineEndings("\n").Split('\n').Select(WebUtility.HtmlEncode);
        return $"<p><strong>Agenda</strong></p><p>{string.Join("<br>", lines)}</p>";
    }

    private static AttendeeResponse ToResponse(G.Attendee attendee) => new(
        attendee.EmailAddress?.Address ?? "",
        attendee.EmailAddress?.Name,
        attendee.Status?.Response switch
        {
            G.ResponseType.Accepted or G.ResponseType.Organizer => ResponseStatus.Accepted,
            G.ResponseType.TentativelyAccepted => ResponseStatus.Tentative,
            G.ResponseType.Declined => ResponseStatus.Declined,
            _ => ResponseStatus.None,
        },
        // Graph reports "no response yet" as 0001-01-01.
        attendee.Status?.Time is { Year: > 1 } at ? at : null);
}
