using OspBot.Cards.Meetings;
using OspBot.Commands;

namespace OspBot.Meetings;

/// The meetings' commands: typed (`schedule meeting`, `meetings`) and the meeting cards' buttons. Only the
/// secretariat books and manages meetings; any member may send apologies from their reminder.
internal static class MeetingCommands
{
    internal static void Declare(CommandTableBuilder table) => table
        .Text<ScheduleMeetingActions>("schedule meeting", "Book a steering group or sub-group meeting and remind its members",
            Roles.Secretariat, a => a.FormAsync, aliases: ["schedule a meeting", "new meeting"])
        .Text<MeetingManageActions>("meetings", "See upcoming meetings; move or cancel one, see responses and apologies",
            Roles.Secretariat, a => a.ListAsync, aliases: ["upcoming meetings", "my meetings"])
        .Card<ScheduleMeetingActions>(MeetingVerbs.Form, Roles.Secretariat, a => a.FormAsync)
        .Card<ScheduleMeetingActions>(MeetingVerbs.Propose, Roles.Secretariat, a => a.ProposeAsync)
        .Card<ScheduleMeetingActions>(MeetingVerbs.Schedule, Roles.Secretariat, a => a.ScheduleAsync)
        .Card<MeetingManageActions>(MeetingVerbs.List, Roles.Secretariat, a => a.ListAsync)
        .Card<MeetingManageActions>(MeetingVerbs.Show, Roles.Secretariat, a => a.ShowAsync)
        .Card<MeetingManageActions>(MeetingVerbs.Move, Roles.Secretariat, a => a.MoveAsync)
        .Card<MeetingManageActions>(MeetingVerbs.Cancel, Roles.Secretariat, a => a.CancelAsync)
        .Card<MeetingManageActions>(MeetingVerbs.Retry, Roles.Secretariat, a => a.RetryAsync)
        .Card<MeetingManageActions>(MeetingVerbs.Responses, Roles.Secretariat, a => a.ResponsesAsync)
        .Card<MeetingManageActions>(MeetingVerbs.ApologyList, Roles.Secretariat, a => a.ApologiesAsync)
        .Card<MeetingManageActions>(MeetingVerbs.Unreachable, Roles.Secretariat, a => a.UnreachableAsync)
        .Card<MemberMeetingActions>(MeetingVerbs.SendApologies, Roles.Member, a => a.SendApologiesAsync);
}
