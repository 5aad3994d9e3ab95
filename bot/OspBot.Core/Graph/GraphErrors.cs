using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace OspBot.Graph;

internal enum GraphOperation
{
    FindSlots,
    Create,
    Move,
    Cancel,
    ReadResponses,
    InstallApp,
    ReadAutomaticReplies,
    UpdateBody,
}

/// Turns what the Graph SDK throws into a CalendarException whose message tells the secretariat (or the
/// administrator) what to fix: the setting, the permission or the mailbox. ODataError never leaves this class.
internal static class GraphErrors
{
    public static CalendarException ToCalendarException(Exception error, GraphOperation operation, string target)
    {
        if (TimedOut(error))
        {
            return new(CalendarFailure.Unavailable, Unanswered(operation), null, null, error) { MayHaveApplied = true };
        }
        var (status, code, message) = Describe(error);
        return status switch
        {
            401 => new(CalendarFailure.Unauthorized,
                "Microsoft Graph did not accept OspBot's credentials (401). Check Graph:TenantId, Graph:ClientId and the client secret, " +
                "certificate or managed identity, and that an administrator granted consent.", status, code, error),
            403 => new(CalendarFailure.Forbidden, Forbidden(operation, target), status, code, error),
            404 => NotFound(operation, target, status, code, error),
            429 or >= 500 or null => new(CalendarFailure.Unavailable, Unavailable(operation, status), status, code, error),
            _ => new(CalendarFailure.Rejected,
                $"Microsoft Graph rejected the request ({status} {code}): {message}", status, code, error),
        };
    }

    /// Status, Graph error code and message; a null status means no response came back (network, timeout).
    internal static (int? Status, string? Code, string? Message) Describe(Exception error) => error switch
    {
        ODataError odata => (odata.ResponseStatusCode, odata.Error?.Code, odata.Error?.Message ?? odata.Message),
        ApiException api => (api.ResponseStatusCode, null, api.Message),
        // The SDK's RetryHandler gives up with an AggregateException of the responses it retried.
        AggregateException many when many.InnerExceptions.LastOrDefault() is ApiException last => Describe(last),
        _ => (null, null, error.Message),
    };

    private static string Forbidden(GraphOperation operation, string target) => operation switch
    {
        GraphOperation.FindSlots =>
            $"Microsoft Graph refused to read free/busy times through {target} (403). The app needs the Calendars.ReadBasic " +
            $"application permission (or Calendars.ReadWrite) with admin consent, and {target} must be within its application access policy.",
        GraphOperation.InstallApp =>
            $"Microsoft Graph refused to install the Teams app for {target} (403). The app needs the " +
            "TeamsAppInstallation.ReadWriteSelfForUser.All application permission with admin consent.",
        GraphOperation.ReadAutomaticReplies =>
            $"Microsoft Graph refused to read the automatic replies of {target} (403). The app needs the MailboxSettings.Read " +
            "application permission with admin consent, and the mailbox must be within its application access policy.",
        _ =>
            $"Microsoft Graph refused access to the calendar of {target} (403). The app needs the Calendars.ReadWrite application " +
            $"permission with admin consent, and {target} must be within its application access policy.",
    };

    private static CalendarException NotFound(GraphOperation operation, string target, int? status, string? code, Exception error) =>
        operation switch
        {
            GraphOperation.InstallApp => new(CalendarFailure.UserOrAppNotFound,
                $"Microsoft Graph found no user {target}, or OspBot is not in the tenant's Teams app catalog under Graph:TeamsAppId (404 {code}).",
                status, code, error),
            GraphOperation.ReadAutomaticReplies => new(CalendarFailure.UserOrAppNotFound,
                $"Microsoft Graph found no mailbox for {target} (404 {code}).", status, code, error),
            GraphOperation.Move or GraphOperation.Cancel or GraphOperation.ReadResponses or GraphOperation.UpdateBody when code == "ErrorItemNotFound" =>
                new(CalendarFailure.EventNotFound,
                    $"The meeting is no longer in the calendar of {target}; it may have been deleted in Outlook.", status, code, error),
            _ => new(CalendarFailure.MailboxNotFound,
                $"Microsoft Graph found no mailbox {target} (404 {code}). Check Graph:OrganiserMailbox: it must be the UPN or " +
                "e-mail of an Exchange Online mailbox, such as the secretariat's shared mailbox.", status, code, error),
        };

    /// No answer in time (Graph:Timeout, or the HTTP client's own limit): the request may still have been carried out.
    internal static bool TimedOut(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    // Honest about what is not known: Graph may have carried the request out and only its answer was lost.
    private static string Unanswered(GraphOperation operation) => operation switch
    {
        GraphOperation.Create =>
            "Microsoft Graph did not answer in time, so OspBot cannot tell whether the meeting reached the calendar. " +
            "A retry finishes the booking without creating a second event.",
        GraphOperation.Move or GraphOperation.Cancel =>
            "Microsoft Graph did not answer in time, so the change may or may not have reached Outlook. OspBot has kept the " +
            "meeting as it was (same time, reminders unchanged); try again later – repeating the change is safe.",
        GraphOperation.UpdateBody =>
            "Microsoft Graph did not answer in time, so the calendar event may or may not show the new text; doing it again is safe.",
        _ => "Microsoft Graph did not answer in time. Nothing was changed; try again later.",
    };

    private static string Unavailable(GraphOperation operation, int? status)
    {
        var what = status is null ? "could not be reached" : $"is unavailable or throttling OspBot ({status})";
        return operation == GraphOperation.Create
            ? $"Microsoft Graph {what}, even after retries. The meeting is not in the calendar yet; try again later (a retry will not create a duplicate)."
            : $"Microsoft Graph {what}, even after retries. Nothing was changed; try again later.";
    }
}
