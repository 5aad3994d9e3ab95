using OspBot.Cards.Model;
using OspBot.Common;
using OspBot.Members;
using OspBot.Outbox;
using C = OspBot.Cards.Rounds;

namespace OspBot.Rounds;

/// The rounds' deliveries as cards: the prompt and a reminder show the person's update as it stands, a chaser says
/// the update is due, the digest shows every sub-group's submission. A person who lost their seat gets nothing
/// (recorded unreachable, with the reason); a chaser waits for someone out of office.
internal sealed class RoundDeliveryRenderer(UpdateEditor editor, RoundViews views, IStatusFlags flags, TimeProvider clock) : IOutboxRenderer
{
    public IReadOnlyCollection<DeliveryKind> Kinds { get; } = [DeliveryKind.Prompt, DeliveryKind.Chaser, DeliveryKind.Reminder, DeliveryKind.Digest];

    public bool SkipsWhenAway(DeliveryKind kind) => kind == DeliveryKind.Chaser;

    public async Task<Rendered> RenderAsync(DeliveryWork work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var mri = work.UserId ?? "";
        if (work.Kind == DeliveryKind.Digest)
        {
            return await views.DigestAsync(Actor.Scheduler, work.RoundId ?? 0, ct) switch
            {
                // The reader's own digest: the secretariat's lists the flags for the steering group.
                Lookup<DigestView>.Found f => Message(await flags.DigestAsync(f.Value, Actor.FromPerson(work.PersonId), mri.Length > 0 ? [mri] : [], ct), work.Kind),
                Lookup<DigestView>.Refused r => GiveUp(r.Refusal),
                _ => throw new InvalidOperationException("Unknown lookup."),
            };
        }

        var now = clock.GetUtcNow();
        return await editor.GetUpdateForEditingAsync(Actor.FromPerson(work.PersonId), work.UpdateId ?? 0, ct) switch
        {
            Lookup<UpdateView>.Found { Value: var view } when work.Kind == DeliveryKind.Chaser =>
                Message(C.RoundMessageCards.Chaser(RoundCardMapper.Chaser(view, mri, now)), work.Kind),
            Lookup<UpdateView>.Found { Value: var view } => Message(PersonalCards.Current(view, mri, now), work.Kind),
            Lookup<UpdateView>.Refused r => GiveUp(r.Refusal),
            _ => throw new InvalidOperationException("Unknown lookup."),
        };
    }

    private static Rendered.NotSent GiveUp(Refusal refusal) => new(DeliveryState.Unreachable, refusal.Message);

    private static Rendered.Message Message(AdaptiveCard card, DeliveryKind kind) => new(card.ToJsonElement(), kind switch
    {
        DeliveryKind.Prompt => "Your quarterly update to the OSP is open",
        DeliveryKind.Chaser => "Reminder: your quarterly update is due",
        DeliveryKind.Reminder => "Reminder: your quarterly update",
        _ => "Quarterly updates: digest",
    });
}
