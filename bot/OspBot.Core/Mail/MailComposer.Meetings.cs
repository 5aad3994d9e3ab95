using System.Globalization;
using System.Text;
using OspBot.Meetings;
using OspBot.Outbox;

namespace OspBot.Mail;

/// The meeting e-mails: the reminder with its apologies link, and the invitation (with the .ics attached) that goes
/// when no calendar (Graph) invites the member: again, its SEQUENCE up, when the meeting moves; as a cancellation
/// when it is cancelled.
internal sealed partial class MailComposer
{
    private async Task<(string, string, string)> MeetingReminderAsync(DeliveryWork work, CancellationToken ct)
    {
        var view = await reminders.ReminderViewAsync(work.MeetingId ?? 0, work.PersonId, ct)
            ?? throw new InvalidOperationException($"Meeting {work.MeetingId} no longer has {work.PersonName} among its members.");
        var subject = $"Reminder: {view.Title}, {view.When}";
        List<(string, string)> facts = [("Meeting", view.Title), ("Group", view.GroupName), ("When", view.When)];
        if (view.Agenda is { Length: > 0 } agenda)
        {
            facts.Add(("Agenda", agenda));
        }
        var writer = new MailWriter(subject)
            .Paragraph($"Dear {work.PersonName},")
            .Paragraph($"This is a reminder of the {view.GroupName} meeting.")
            .List(facts);
        if (view.JoinUrl is { Length: > 0 } join && Uri.TryCreate(join, UriKind.Absolute, out var joinUri) && joinUri.Scheme == Uri.UriSchemeHttps)
        {
            writer.Link($"Join {view.Title} online", joinUri);
        }
        if (view.ApologiesSent)
        {
            writer.Paragraph("You have sent your apologies for this meeting; thank you.");
        }
        else
        {
            writer.Paragraph("If you cannot attend, send your apologies with this link (it works until the meeting starts):")
                .Link($"Send apologies for {view.Title}", apologies.Create(view.MeetingId, work.PersonId, view.Start));
        }
        var (html, text) = writer.Finish(options.Value.SenderName);
        return (subject, html, text);
    }

    private async Task<OutgoingMail> MeetingInviteAsync(DeliveryWork work, CancellationToken ct)
    {
        var cancelled = work.Kind == DeliveryKind.MeetingCancelled;
        var view = await reminders.ReminderViewAsync(work.MeetingId ?? 0, work.PersonId, ct, cancelled)
            ?? throw new InvalidOperationException($"Meeting {work.MeetingId} no longer has {work.PersonName} among its members.");
        var subject = cancelled ? $"Cancelled: {view.Title}, {view.When}"
            : view.Sequence > 0 ? $"Updated invitation: {view.Title}, {view.When}"
            : $"Invitation: {view.Title}, {view.When}";
        List<(string, string)> facts = [("Meeting", view.Title), ("Group", view.GroupName), ("When", view.When)];
        if (view.Agenda is { Length: > 0 } agenda && !cancelled)
        {
            facts.Add(("Agenda", agenda));
        }
        var writer = new MailWriter(subject).Paragraph($"Dear {work.PersonName},");
        if (cancelled)
        {
            writer.Paragraph($"The {view.GroupName} meeting below has been cancelled. The cancellation is attached: open it to remove the meeting from your calendar.")
                .List(facts);
        }
        else
        {
            writer.Paragraph(view.Sequence > 0
                    ? $"The {view.GroupName} meeting has moved; this invitation replaces the earlier one. It is attached: open it to update your calendar."
                    : $"You are invited to the {view.GroupName} meeting. The invitation is attached: open it to add the meeting to your calendar.")
                .List(facts)
                .Paragraph("If you cannot attend, send your apologies with this link (it works until the meeting starts):")
                .Link($"Send apologies for {view.Title}", apologies.Create(view.MeetingId, work.PersonId, view.Start));
        }
        var (html, text) = writer.Finish(options.Value.SenderName);
        return new OutgoingMail(work.PersonName, work.Email!, subject, html, text)
        {
            Reference = work.IdempotencyKey,
            Attachments = [IcsAttachment(view, work, cancelled)],
        };
    }

    /// The meeting as its calendar file: the same UID for its whole life and the SEQUENCE it has now, so a calendar
    /// replaces (or removes) the copy an earlier e-mail put there.
    private MailAttachment IcsAttachment(MeetingReminderView view, DeliveryWork work, bool cancelled)
    {
        var meeting = new IcsMeeting
        {
            Uid = IcsInvitation.UidFor(view.MeetingId.ToString(CultureInfo.InvariantCulture)),
            Sequence = view.Sequence,
            Subject = view.Title,
            Agenda = view.Agenda,
            Start = view.Start,
            End = view.End,
            Organiser = new IcsPerson(options.Value.FromAddress, options.Value.SenderName),
            Attendees = [new IcsPerson(work.Email!, work.PersonName)],
            Location = view.JoinUrl,
        };
        var ics = cancelled ? IcsInvitation.Cancel(meeting, clock.GetUtcNow()) : IcsInvitation.Request(meeting, clock.GetUtcNow());
        return new MailAttachment((cancelled ? "cancellation" : "invitation") + IcsInvitation.FileExtension, IcsInvitation.ContentType(cancelled), Encoding.UTF8.GetBytes(ics));
    }
}
