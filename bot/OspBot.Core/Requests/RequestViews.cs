using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Requests;

/// A request as the cards, the CSV and the Markdown show it.
public sealed record RequestView
{
    public required int Id { get; init; }

    public required string GroupKey { get; init; }

    public required string GroupName { get; init; }

    public required FinancialQuarter Quarter { get; init; }

    public required string Text { get; init; }

    public required RequestStatus Status { get; init; }

    public int? OwnerPersonId { get; init; }

    public string? OwnerName { get; init; }

    public DateOnly? DueDate { get; init; }

    public string? Response { get; init; }

    public bool? StillStands { get; init; }

    public required int Revision { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// Who changed it last ("OspBot" when nobody has yet), for the card's "changed by … on …".
    public required string UpdatedBy { get; init; }

    public bool IsOpen => Status is not (RequestStatus.Done or RequestStatus.Declined);
}

/// Which requests `requests` lists: open ones unless a status is asked for; of one sub-group, or one owner's.
public sealed record RequestFilter
{
    public string? GroupKey { get; init; }

    public RequestStatus? Status { get; init; }

    public int? OwnerPersonId { get; init; }

    public bool IncludeClosed { get; init; }
}

/// What the secretariat (or the owner) changes on a request. A null field stays as it is.
public sealed record RequestPatch
{
    public RequestStatus? Status { get; init; }

    /// A directory person; 0 takes the owner off.
    public int? OwnerPersonId { get; init; }

    public DateOnly? DueDate { get; init; }

    public string? Response { get; init; }

    /// Put on the agenda of the next steering group meeting (and the status becomes OnAgenda).
    public bool PutOnAgenda { get; init; }

    public bool IsEmpty => Status is null && OwnerPersonId is null && DueDate is null && Response is null && !PutOnAgenda;
}

/// The register, listed for the secretariat: the requests, and the people who may own one (the directory).
public sealed record RegisterView(IReadOnlyList<RequestView> Requests, IReadOnlyList<OwnerChoice> Owners, IReadOnlyList<SubGroupName> SubGroups);

public sealed record OwnerChoice(int PersonId, string Name);

/// The outcome of a change to a request.
public abstract record RequestResult
{
    private RequestResult()
    {
    }

    /// OwnerNotified: a new owner was given a card.
    public sealed record Saved(RequestView Request, bool OwnerNotified) : RequestResult;

    /// Someone changed it since the card was drawn: nothing saved, here it is as it stands.
    public sealed record Stale(RequestView Current) : RequestResult;

    public sealed record Invalid(RequestView Current, string Error) : RequestResult;

    public sealed record Refused(Refusal Refusal) : RequestResult;
}
