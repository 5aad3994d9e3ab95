namespace OspBot.Graph;

public enum CalendarFailure
{
    /// The request itself is wrong (a meeting in the past, an end before its start, nobody to invite, ...).
    Invalid,

    /// Graph refused the app's credentials (401).
    Unauthorized,

    /// The app lacks a permission or the mailbox is outside its access policy (403).
    Forbidden,

    /// The organiser mailbox (Graph:OrganiserMailbox) does not exist or has no Exchange Online mailbox.
    MailboxNotFound,

    /// The event is gone (deleted in Outlook, or never created).
    EventNotFound,

    /// The person, or the Teams app in the catalog, does not exist.
    UserOrAppNotFound,

    /// Graph was throttling or down after the retries (429, 5xx, network, timeout): try again later.
    Unavailable,

    /// Anything else Graph refused (another 4xx).
    Rejected,
}

/// A calendar operation that failed for good. Message is plain English for the secretariat and names the
/// setting, permission or mailbox involved; nothing was changed unless the failure is Unavailable on create,
/// where a retry with the same transaction id is safe.
public sealed class CalendarException(
    CalendarFailure reason, string message, int? statusCode = null, string? graphErrorCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public CalendarFailure Reason { get; } = reason;
    public int? StatusCode { get; } = statusCode;
    public string? GraphErrorCode { get; } = graphErrorCode;

    public bool IsRetryable => Reason == CalendarFailure.Unavailable;

    /// Graph gave no answer in time: the request may have been carried out all the same (only its answer was lost).
    public bool MayHaveApplied { get; init; }

    internal static CalendarException Invalid(string message) => new(CalendarFailure.Invalid, message);
}
