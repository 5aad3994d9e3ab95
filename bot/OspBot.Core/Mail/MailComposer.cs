using Microsoft.Extensions.Options;
using OspBot.Common;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Rounds;

namespace OspBot.Mail;

/// The e-mail for each kind the Mail feature writes: the quarterly prompt, its chaser and reminder (the "editing window
/// closes" notice), and a meeting reminder. It reads the same views the Teams cards do, through the same services, so
/// what someone may see by e-mail is what they may see in Teams: their own update's state, never other people's.
internal sealed partial class MailComposer(
    UpdateEditor editor, MeetingReminders reminders, ApologyLinks apologies, UpdateFormLinks forms, TimeProvider clock, IOptions<MailOptions> options)
{
    public static readonly IReadOnlyCollection<DeliveryKind> Kinds =
        [DeliveryKind.Prompt, DeliveryKind.Chaser, DeliveryKind.Reminder, DeliveryKind.MeetingReminder, DeliveryKind.MeetingInvite,
        DeliveryKind.MeetingCancelled];

    public async Task<OutgoingMail> ComposeAsync(DeliveryWork work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Kind is DeliveryKind.MeetingInvite or DeliveryKind.MeetingCancelled)
        {
            return await MeetingInviteAsync(work, ct);
        }
        var (subject, html, text) = work.Kind == DeliveryKind.MeetingReminder
            ? await MeetingReminderAsync(work, ct)
            : await UpdateMailAsync(work, ct);
        return new OutgoingMail(work.PersonName, work.Email!, subject, html, text) { Reference = work.IdempotencyKey };
    }

    private async Task<(string, string, string)> UpdateMailAsync(DeliveryWork work, CancellationToken ct)
    {
        var lookup = await editor.GetUpdateForEditingAsync(Actor.FromPerson(work.PersonId), work.UpdateId ?? 0, ct);
        if (lookup is not Lookup<UpdateView>.Found { Value: var view })
        {
            // The renderer has already let it through; a refusal now means the seat went in between: nothing to say.
            throw new InvalidOperationException($"Update {work.UpdateId} is no longer {work.PersonName}'s to edit.");
        }
        var deadline = London.Format(view.DeadlineAt) + " (London time)";
        var subject = work.Kind switch
        {
            DeliveryKind.Chaser => $"Reminder: {view.GroupName}'s quarterly update for {view.QuarterLabel} is due",
            DeliveryKind.Reminder => $"The editing window for {view.GroupName}'s {view.QuarterLabel} update closes soon",
            _ => $"{view.GroupName}: your quarterly update for {view.QuarterLabel} is open",
        };
        var writer = new MailWriter(subject)
            .Paragraph($"Dear {work.PersonName},")
            .Paragraph(work.Kind switch
            {
                DeliveryKind.Chaser => $"{view.GroupName}'s update to the Oxford Strategic Partnership for {view.QuarterLabel} has not been submitted yet.",
                DeliveryKind.Reminder => $"You can change {view.GroupName}'s update for {view.QuarterLabel} until the deadline below.",
                _ => $"The Oxford Strategic Partnership asks for {view.GroupName}'s quarterly update for {view.QuarterLabel}.",
            })
            .List(
            [
                ("Sub-group", view.GroupName),
                ("Quarter", view.QuarterLabel),
                ("Deadline", deadline),
                ("Status", view.Status.ToString()),
            ])
            .Paragraph(work.Kind == DeliveryKind.Chaser || view.Status == UpdateStatus.NotStarted
                ? "Write it on this secure form (the link is yours alone: please do not forward it):"
                : "Change or submit it on this secure form (the link is yours alone: please do not forward it):")
            .Link($"{view.GroupName}'s update for {view.QuarterLabel}", forms.Create(view.UpdateId, work.PersonId, view.MeetingDate))
            .Paragraph("If you use Microsoft Teams in the council, you can also type \"my update\" to OspBot and write it there.")
            .Paragraph($"Questions, or no longer the right person? Contact {options.Value.Contact}.");
        var (html, text) = writer.Finish(options.Value.SenderName);
        return (subject, html, text);
    }
}
