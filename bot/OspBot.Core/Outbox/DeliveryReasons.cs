namespace OspBot.Outbox;

/// Why a delivery did not reach its person, in words for the status card.
public static class DeliveryReasons
{
    public const string NotLinked = "Not linked to a Teams account";
    public const string AppNotInstalled = "OspBot is not installed in their Teams";
    public const string Interrupted = "Sending was interrupted; it may or may not have arrived";
    public const string TooManyFailures = "Gave up after repeated failures";
    public const string OutOfOffice = "Not sent: their Outlook automatic replies (out of office) were on";
    public const string MeetingBegun = "Not sent: the meeting had already begun";
    public const string LaterReminderDue = "Not sent: a later reminder was due too, and went instead";
    /// Starts every reason an e-mail did not go (the mail service refused it); the rest says why, for the secretariat.
    public const string EmailRefused = "E-mail not sent: ";
    public const string NoEmail = "No e-mail address in the directory, and they are to be reached by e-mail";
    public const string InstallingApp = "OspBot is being installed in their Teams; trying again shortly";
}
