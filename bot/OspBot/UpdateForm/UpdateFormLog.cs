namespace OspBot.UpdateForm;

/// The update form's audit trail (ids 1610-1619): every use of a link, who (the link's person, when known), what,
/// the outcome and from which address; the time is the log record's own.
internal static partial class UpdateFormLog
{
    [LoggerMessage(1610, LogLevel.Information, "Update form: person {PersonId} {Action} update {UpdateId} from {RemoteAddress}: {Outcome}")]
    public static partial void UpdateFormUsed(this ILogger logger, int? personId, int updateId, string action, string outcome, string remoteAddress);

    [LoggerMessage(1611, LogLevel.Information, "Update form: a one-time code for update {UpdateId} was sent to person {PersonId} ({Outcome})")]
    public static partial void UpdateFormCodeSent(this ILogger logger, int personId, int updateId, string outcome);
}
