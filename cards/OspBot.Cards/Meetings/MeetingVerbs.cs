using OspBot.Cards.Common;

namespace OspBot.Cards.Meetings;

/// The verbs of every button on the meeting cards. Action.Execute sends the verb as value.action.verb; the
/// Action.Submit fallback sends it as data.verb, like the round cards (they share RoundActions).
internal static class MeetingVerbs
{
    /// Secretariat: the schedule form again (from the meetings list).
    public const string Form = "meeting.form";

    /// Secretariat: free times in the form's date range (Graph only).
    public const string Propose = "meeting.propose";

    /// Secretariat: book the exact time, or the slot picked on the slot picker.
    public const string Schedule = "meeting.schedule";
    public const string Show = "meeting.show";
    public const string Move = "meeting.move";
    public const string Cancel = "meeting.cancel";

    /// Secretariat: book in the calendar again a meeting an outage or a timeout left waiting for it.
    public const string Retry = "meeting.retry";
    public const string Responses = "meeting.responses";
    /// Secretariat: the apologies received.
    public const string ApologyList = "meeting.apologyList";
    public const string List = "meeting.list";

    /// Secretariat: members OspBot cannot message in Teams.
    public const string Unreachable = "meeting.unreachable";

    /// A member, from the reminder card (input <see cref="ApologyNote"/>).
    public const string SendApologies = "meeting.apologies";

    /// A member, from a steering group reminder: the quarter's updates (<see cref="RoundId"/>); the rounds answer it.
    public const string ReadUpdates = CrossFeatureVerbs.ReadQuarterUpdates;

    // The data keys under the names the jobs' reminder mapping uses.
    public const string MeetingId = MeetingInputs.MeetingId;
    public const string RoundId = MeetingInputs.RoundId;
    public const string ApologyNote = MeetingInputs.ApologyNote;

}

/// Keys of the action data and ids of the inputs; inputs arrive beside the data under these names.
internal static class MeetingInputs
{
    public const string MeetingId = "meetingId";
    public const string RoundId = "roundId";

    /// A fresh id per form: a second press of the same form is recognised and books nothing new.
    public const string FormId = "formId";
    public const string Group = "group";
    public const string Title = "title";
    public const string Agenda = "agenda";
    public const string Duration = "duration";
    public const string From = "from";
    public const string To = "to";
    public const string Date = "date";
    public const string Time = "time";

    /// The slot picked on the slot picker: its start, ISO 8601 with offset.
    public const string Slot = "slot";
    public const string CancelNote = "cancelNote";
    public const string ApologyNote = "apologyNote";

    public const string DateFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";
}
