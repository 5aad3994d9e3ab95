using OspBot.Cards.Requests;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;

namespace OspBot.Requests;

/// The card to a request's new owner: the request, and a form to say how it is going. Someone who is no longer its
/// owner when the card goes out gets nothing (recorded cancelled).
internal sealed class RequestOwnerRenderer(RequestRegister register) : IOutboxRenderer
{
    public IReadOnlyCollection<DeliveryKind> Kinds { get; } = [DeliveryKind.RequestOwner];

    public bool SkipsWhenAway(DeliveryKind kind) => false;

    public async Task<Rendered> RenderAsync(DeliveryWork work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (RequestDeliveries.RequestIdOf(work.IdempotencyKey) is not { } id)
        {
            return new Rendered.NotSent(DeliveryState.Unreachable, "Not a request owner's card.");
        }
        return await register.GetAsync(Actor.FromPerson(work.PersonId), id, ct) switch
        {
            Lookup<RequestView>.Found { Value: var view } when view.OwnerPersonId == work.PersonId => new Rendered.Message(
                RequestCards.Owner(RequestCardMapper.Owner(view)).ToJsonElement(), $"{view.GroupName} asked the OSP for support: it is yours"),
            Lookup<RequestView>.Refused r => new Rendered.NotSent(DeliveryState.Cancelled, r.Refusal.Message),
            _ => new Rendered.NotSent(DeliveryState.Cancelled, "The request has another owner now."),
        };
    }
}
