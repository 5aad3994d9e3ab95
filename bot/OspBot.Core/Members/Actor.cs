namespace OspBot.Members;

/// Who is asking: a Teams user (by Entra object id, as activity.from.aadObjectId gives it), a directory person
/// (as a job knows its recipients, or through the signed link of an e-mail), or the scheduler itself (a round opened or
/// closed on its schedule).
public readonly record struct Actor
{
    private Actor(string? entraObjectId, int? personId, bool isScheduler, bool viaEmailLink = false)
    {
        EntraObjectId = entraObjectId;
        PersonId = personId;
        IsScheduler = isScheduler;
        ViaEmailLink = viaEmailLink;
    }

    public string? EntraObjectId { get; }

    public int? PersonId { get; }

    public bool IsScheduler { get; }

    /// The person came through the signed link of an e-mail (the web form), not Teams: what they save is "via e-mail".
    public bool ViaEmailLink { get; }

    public static Actor Scheduler { get; } = new(null, null, isScheduler: true);

    public static Actor FromTeams(string entraObjectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(entraObjectId);
        return new(entraObjectId, null, isScheduler: false);
    }

    public static Actor FromPerson(int personId) => new(null, personId, isScheduler: false);

    public static Actor FromEmailLink(int personId) => new(null, personId, isScheduler: false, viaEmailLink: true);
}
