using System.Net.Mail;
using OspBot.Common;

namespace OspBot.Meetings;

/// Checks made before anything is sent, so a bad request changes nothing. Pure: callers may run the same
/// checks before saving a meeting, and the .ics fallback uses them too.
public static class MeetingRules
{
    /// The first problem with the draft in plain English, or null when it can be booked.
    public static string? Problem(MeetingDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.Subject))
        {
            return "The meeting needs a subject.";
        }
        if (string.IsNullOrWhiteSpace(draft.TransactionId))
        {
            return "The meeting has no transaction id, so a retry could book it twice.";
        }
        return TimesProblem(draft.Start, draft.End, now) ?? AttendeesProblem(draft.Attendees.Select(a => a.Email).ToList());
    }

    public static string? TimesProblem(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        if (end <= start)
        {
            return $"The meeting ends ({London.Format(end)}) before it starts ({London.Format(start)}).";
        }
        return start < now ? $"The meeting starts in the past ({London.Format(start)})." : null;
    }

    public static string? AttendeesProblem(IReadOnlyList<string> emails)
    {
        ArgumentNullException.ThrowIfNull(emails);
        if (emails.Count == 0)
        {
            return "The group has no members to invite.";
        }
        var bad = emails.FirstOrDefault(e => !IsEmail(e));
        return bad is null ? null : $"'{bad}' is not an e-mail address.";
    }

    internal static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.IndexOfAny(['\r', '\n', '"', ',', ';', '<', '>', ' ']) < 0
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value;
}
