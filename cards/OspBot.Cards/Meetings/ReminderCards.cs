using System.Globalization;
using OspBot.Cards.Model;
using OspBot.Cards.Rounds;

namespace OspBot.Cards.Meetings;

/// A member's reminder of a meeting, and what it becomes once they send apologies or the meeting is cancelled.
internal static class ReminderCards
{
    public const string ApologiseButton = "Send apologies";
    public const string JoinButton = "Join the Teams meeting";
    public const string UpdatesButton = "Read this quarter's updates";

    public static AdaptiveCard Reminder(ReminderModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.IsCancelled)
        {
            return MeetingBlocks.Message("This meeting was cancelled",
                $"{model.Title} ({MeetingBlocks.When(model.Start, model.End)}) was cancelled. There is nothing more to do.");
        }
        var ids = MeetingBlocks.Ids(model.MeetingId);
        List<CardElement> body =
        [
            RoundBlocks.Heading(Heading(model)),
            new TextBlock(RoundBlocks.Name(model.GroupName)) { IsSubtle = true, Spacing = Spacing.None },
            new FactSet([new("Meeting", RoundBlocks.Name(model.Title)), new("When", MeetingBlocks.When(model.Start, model.End))]),
            .. MeetingBlocks.Agenda(model.Agenda),
        ];
        if (model.Notice is { Length: > 0 } notice)
        {
            body.Insert(2, RoundBlocks.Notice(CardText.Escape(notice), ContainerStyle.Warning));
        }
        if (model.UpdatesRoundId is not null)
        {
            body.Add(new TextBlock(model.QuarterLabel is { Length: > 0 } q
                ? $"The sub-groups' updates for {CardText.Escape(q)} are ready to read before the meeting."
                : "The sub-groups' quarterly updates are ready to read before the meeting."));
        }
        List<CardAction> actions = [];
        if (model.JoinUrl is { } join)
        {
            actions.Add(new OpenUrlAction(join) { Title = JoinButton, Style = ActionStyle.Positive });
        }
        if (model.UpdatesRoundId is { } round)
        {
            actions.Add(RoundActions.Execute(UpdatesButton, MeetingVerbs.Updates,
                ids.With(MeetingInputs.RoundId, round.ToString(CultureInfo.InvariantCulture))));
        }
        if (model.Apology is { } sent)
        {
            body.Add(RoundBlocks.Notice(Confirmation(sent), ContainerStyle.Good));
        }
        else if (model.ApologiesSent)
        {
            body.Add(RoundBlocks.Notice("You have sent your apologies for this meeting.", ContainerStyle.Good));
        }
        else if (model.Start > model.Now)
        {
            actions.Add(new ShowCardAction(ApologyForm(ids)) { Title = ApologiseButton });
        }
        return new AdaptiveCard
        {
            FallbackText = $"Reminder: {model.Title}, {RoundFormat.DateTime(model.Start)}",
            Body = body,
            Actions = actions.Count == 0 ? null : actions,
        };
    }

    /// "Tomorrow: …", "In 7 days: …", "Today: …".
    private static string Heading(ReminderModel model)
    {
        var days = (int)(RoundFormat.InLondon(model.Start).Date - RoundFormat.InLondon(model.Now).Date).TotalDays;
        var when = days switch
        {
            <= 0 => "Today",
            1 => "Tomorrow",
            _ => string.Create(CultureInfo.InvariantCulture, $"In {days} days"),
        };
        return $"{when}: {RoundBlocks.Name(model.Title)}";
    }

    private static string Confirmation(ApologyLine sent)
    {
        var text = $"Your apologies were sent to the OSP secretariat on {RoundFormat.DateTime(sent.SentAt)}.";
        return sent.Note is { Length: > 0 } note ? $"{text} Your note: “{CardText.Quote(note, 300)}”" : text;
    }

    private static AdaptiveCard ApologyForm(IReadOnlyList<KeyValuePair<string, string>> ids) => new()
    {
        Schema = null,
        Body =
        [
            new TextBlock("The secretariat minutes apologies. You can add a note for them."),
            new TextInput { Id = MeetingInputs.ApologyNote, Label = "Note (optional)", IsMultiline = true, MaxLength = 500 },
        ],
        Actions = [RoundActions.Execute(ApologiseButton, MeetingVerbs.Apologise, ids, ActionStyle.Positive, sendInputs: true)],
    };
}
