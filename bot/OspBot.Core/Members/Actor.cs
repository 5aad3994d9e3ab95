namespace OspBot.Members;

/// Who is asking: a Teams user (by Entra object id, as activity.from.aadObjectId gives it), a directory person
/// (as a job knows its recipients), or the scheduler itself (a round opened or closed on its schedule).
public readonly record struct Actor
{
    private Actor(string? entraObjectId, int? personId, bool isScheduler)
    {
        EntraObjectId = entraObjectId;
        PersonId = personId;
        IsScheduler = isScheduler;
    }

    public string? EntraObjectId { get; }

    public int? PersonId { get; }

    public bool IsScheduler { get; }

    public static Actor Scheduler { get; } = new(null, null, isScheduler: true);

    public static Actor FromTeams(string entraObjectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(entraObjectId);
        return new(entraObjectId, null, isScheduler: false);
    }

    public static Actor FromPerson(int personId) => new(null, personId, isScheduler: false);
}
