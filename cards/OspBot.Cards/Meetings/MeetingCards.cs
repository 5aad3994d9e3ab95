using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Meetings;

/// The secretariat's card of one meeting: when, who, the invitation's fate, and what can be done with it.
internal static class MeetingCards
{
    public const string CancelButton = "Cancel meeting";
    public const string ConfirmCancelButton = "Yes, cancel it";
    public const string MoveButton = "Move";
    public const string DownloadIcsButton = "Download .ics";
    public const string RetryButton = "Retry the calendar booking";

    private const int MaxUnreachableShown = 5;

    public static AdaptiveCard Meeting(MeetingCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ids = MeetingBlocks.Ids(model.MeetingId);
        List<CardElement> body =
        [
            CardBlocks.Heading(model.IsCancelled ? $"Cancelled: {CardBlocks.Name(model.Title)}" : CardBlocks.Name(model.Title)),
            new TextBlock(CardBlocks.Name(model.GroupName)) { IsSubtle = true, Spacing = Spacing.None },
            .. MeetingBlocks.Notices(model.Notice, model.Error),
            new FactSet(Facts(model)),
            .. MeetingBlocks.Agenda(model.Agenda),
            .. Invitation(model),
            .. Unreachable(model.Unreachable, model.MeetingId),
        ];
        return new AdaptiveCard
        {
            FallbackText = $"{model.Title}: {CardFormat.DateTime(model.Start)}",
            Body = body,
            Actions = model.IsCancelled ? [MeetingBlocks.ListButton()] : Actions(model, ids),
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    private static List<Fact> Facts(MeetingCardModel model)
    {
        List<Fact> facts =
        [
            new("When", MeetingBlocks.When(model.Start, model.End)),
            new("Apologies", model.ApologyCount == 0 ? "None yet" : CardFormat.Count(model.ApologyCount)),
        ];
        if (model.AttendeeCount is { } invited)
        {
            facts.Insert(1, new("Invited", invited == 1 ? "1 member" : $"{CardFormat.Count(invited)} members"));
        }
        if (model.RemindersLine is { Length: > 0 } reminders && !model.IsCancelled)
        {
            facts.Add(new("Reminders", CardText.Escape(reminders)));
        }
        if (model.RoundLine is { Length: > 0 } round)
        {
            facts.Add(new("Update round", CardText.Escape(round)));
        }
        return facts;
    }

    private static IEnumerable<CardElement> Invitation(MeetingCardModel model)
    {
        if (model.IsCancelled)
        {
            yield break;
        }
        if (model.Invitation == InvitationState.SentByGraph)
        {
            yield return new TextBlock("The calendar invitation was sent from Outlook with a Teams meeting link.") { Color = TextColor.Good };
            yield break;
        }
        var why = model.Invitation == InvitationState.NotConfigured
            ? "No calendar invitation was sent because Microsoft Graph is not configured – download the .ics file and send it from Outlook. Reminders will still go out in Teams."
            : model.InvitationMessage ?? "No calendar invitation was sent – download the .ics file and send it from Outlook.";
        yield return CardBlocks.Notice(CardText.Escape(why), ContainerStyle.Warning);
    }

    /// The first few inline; the whole list is a button away, so a big group does not crowd the card.
    private static IEnumerable<CardElement> Unreachable(IReadOnlyList<UnreachableMember> members, int meetingId)
    {
        if (members.Count == 0)
        {
            yield break;
        }
        yield return CardBlocks.Bold("OspBot cannot reach these members in Teams");
        yield return new FactSet([.. members.Take(MaxUnreachableShown).Select(m => new Fact(CardBlocks.Name(m.Name), CardText.Escape(m.Reason)))]) { Spacing = Spacing.Small };
        if (members.Count > MaxUnreachableShown)
        {
            yield return new ActionSet([CardActions.Execute($"All {CardFormat.Count(members.Count)} members", MeetingVerbs.Unreachable, MeetingBlocks.Ids(meetingId))]);
        }
    }

    private static List<CardAction> Actions(MeetingCardModel model, IReadOnlyList<KeyValuePair<string, string>> ids)
    {
        List<CardAction> actions = [];
        if (model.IsWaitingForCalendar && !model.IsPast)
        {
            actions.Add(CardActions.Execute(RetryButton, MeetingVerbs.Retry, ids, ActionStyle.Positive));
        }
        if (!model.IsPast)
        {
            actions.Add(new ShowCardAction(MoveForm(model, ids)) { Title = MoveButton });
            actions.Add(new ShowCardAction(CancelForm(ids)) { Title = CancelButton });
        }
        actions.Add(CardActions.Execute("Responses", MeetingVerbs.Responses, ids));
        actions.Add(CardActions.Execute("Apologies", MeetingVerbs.ApologyList, ids));
        if (model.IcsUrl is { } ics)
        {
            actions.Add(new OpenUrlAction(ics) { Title = DownloadIcsButton });
        }
        return actions;
    }

    private static AdaptiveCard MoveForm(MeetingCardModel model, IReadOnlyList<KeyValuePair<string, string>> ids) => new()
    {
        Schema = null,
        Body =
        [
            new TextBlock("Members are told of the new time, and their reminders move with it."),
            .. MeetingFields.Date(MeetingInputs.Date, "New date", DateOnly.FromDateTime(CardFormat.InLondon(model.Start)), []),
            .. MeetingFields.Time(CardFormat.InLondon(model.Start).ToString(MeetingInputs.TimeFormat, System.Globalization.CultureInfo.InvariantCulture), []),
            .. MeetingFields.Duration((int)(model.End - model.Start).TotalMinutes, []),
        ],
        Actions = [CardActions.Execute("Move the meeting", MeetingVerbs.Move, ids, ActionStyle.Positive, sendInputs: true)],
    };

    private static AdaptiveCard CancelForm(IReadOnlyList<KeyValuePair<string, string>> ids) => new()
    {
        Schema = null,
        Body =
        [
            new TextBlock("Cancel this meeting? Members are told, and their reminders are withdrawn. This cannot be undone.") { Weight = TextWeight.Bolder },
            new TextInput { Id = MeetingInputs.CancelNote, Label = "Message to members (optional)", IsMultiline = true, MaxLength = 500 },
        ],
        Actions = [CardActions.Execute(ConfirmCancelButton, MeetingVerbs.Cancel, ids, ActionStyle.Destructive, sendInputs: true)],
    };
}
