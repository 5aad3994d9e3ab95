namespace OspBot.Meetings;

/// What the secretariat reads when OspBot could not send the calendar invitation itself.
public static class MeetingInvitationFallback
{
    public const string NotConfigured =
        "No calendar invitation was sent because Microsoft Graph is not configured (set Graph:TenantId, Graph:ClientId, " +
        "one credential (Graph:ClientSecret, Graph:CertificatePath or Graph:UseManagedIdentity) and Graph:OrganiserMailbox). " +
        "The meeting is saved and reminders will go out. Download the .ics file and send it from Outlook.";
}
