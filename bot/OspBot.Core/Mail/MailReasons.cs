namespace OspBot.Mail;

/// Why an e-mail did not go, in words for the status card; every reason starts with Prefix so the card can tell an
/// e-mail failure from a Teams one.
public static class MailReasons
{
    public const string Prefix = "E-mail not sent: ";

    public static string Refused(string detail) => Prefix + detail;
}
