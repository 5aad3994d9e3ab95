using OspBot.Cards.Common;
using OspBot.Cards.Reports;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Reports;

/// The sign-off's deliveries: the part to its approver (first time and when chased), and a chair's question to the
/// secretariat with the part beneath it.
internal sealed class PartDeliveryRenderer(PartSignOffService signOff) : IOutboxRenderer
{
    public IReadOnlyCollection<DeliveryKind> Kinds { get; } = [DeliveryKind.PartForSignOff, DeliveryKind.PartChaser, DeliveryKind.PartQuestion];

    public bool SkipsWhenAway(DeliveryKind kind) => kind == DeliveryKind.PartChaser;

    public async Task<Rendered> RenderAsync(DeliveryWork work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var result = await signOff.GetAsync(Actor.FromPerson(work.PersonId), work.ReportPartId ?? 0, ct);
        if (result is not PartResult.Shown { Part: var part })
        {
            return new Rendered.NotSent(DeliveryState.Unreachable, (result as PartResult.Refused)?.Refusal.Message);
        }
        return work.Kind switch
        {
            DeliveryKind.PartQuestion => new Rendered.Message(MessageCards.Message(
                $"A question about the {part.SubGroup} part of the annual report",
                $"{Cards.Common.CardText.Escape(await signOff.QuestionAsync(part.PartId, ct))} Reply to them directly; type \"report parts\" to see every part.").ToJsonElement(),
                $"A question about the {part.SubGroup} part"),
            DeliveryKind.PartChaser => new Rendered.Message(PartCards.Part(PartCardMapper.Model(part, "Reminder: please approve your part, or change it and approve.")).ToJsonElement(),
                $"Reminder: the {part.SubGroup} part of the annual report"),
            _ => new Rendered.Message(PartCards.Part(PartCardMapper.Model(part)).ToJsonElement(), $"Please sign off the {part.SubGroup} part of the annual report"),
        };
    }
}
