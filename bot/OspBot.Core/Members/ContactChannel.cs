namespace OspBot.Members;

/// How OspBot reaches a person with proactive messages (prompts, chasers, reminders).
public enum ContactChannel
{
    Teams,
    Email,
    /// Teams when OspBot has a chat with them that works, e-mail otherwise.
    TeamsThenEmail,
}

/// The channel used when the secretariat has not chosen one: Teams for people in the council's tenant, Teams then
/// e-mail for partners outside it (police, NHS, universities...), whom OspBot usually cannot reach in Teams.
public static class ContactChannels
{
    public static ContactChannel Effective(ContactChannel? chosen, string? email, IReadOnlyCollection<string> tenantDomains)
    {
        ArgumentNullException.ThrowIfNull(tenantDomains);
        if (chosen is { } channel)
        {
            return channel;
        }
        return IsInTenant(email, tenantDomains) ? ContactChannel.Teams : ContactChannel.TeamsThenEmail;
    }

    /// True when the address's domain is one of the tenant's (or a subdomain of one); no domains configured means
    /// every address counts as outside, so nobody is left without the e-mail fallback.
    public static bool IsInTenant(string? email, IReadOnlyCollection<string> tenantDomains)
    {
        ArgumentNullException.ThrowIfNull(tenantDomains);
        var at = email?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return false;
        }
        var domain = email![(at + 1)..].Trim();
        return tenantDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
    }

    public static string Describe(ContactChannel? channel) => channel switch
    {
        ContactChannel.Teams => "Teams only",
        ContactChannel.Email => "E-mail only",
        ContactChannel.TeamsThenEmail => "Teams, then e-mail if Teams cannot reach them",
        _ => "Automatic (Teams inside the council, Teams then e-mail outside it)",
    };
}
