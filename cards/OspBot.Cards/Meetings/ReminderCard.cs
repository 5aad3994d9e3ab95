using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Meetings;

/// What a member's meeting reminder shows. Times are already London wall-clock text (the jobs map them).
internal sealed record MeetingReminderModel
{
    public required string MeetingId { get; init; }
    public required string Title { get; init; }
    public required string GroupName { get; init; }

    /// e.g. "Mon 30 Mar 2026 10:00–11:00 (London time)".
    public required string When { get; init; }

    /// e.g. "in 7 days", "tomorrow", "today".
    public required string HowSoon { get; init; }

    public Uri? JoinUrl { get; init; }
    public string? Agenda { get; init; }

    /// A steering group meeting's round, for the "Read the quarter's updates" button.
    public string? RoundId { get; init; }
    public string? QuarterLabel { get; init; }

    /// The steering group's meeting pack (.docx), an expiring link issued to this member.
    public Uri? PackUrl { get; init; }

    public bool ApologiesSent { get; init; }

    /// Just sent from this card: the confirmation, with the note, replaces the form.
    public ApologyLine? Apology { get; init; }

    public bool IsCancelled { get; init; }

    /// A line above the card after a button, e.g. why the updates cannot be shown.
    public string? Notice { get; init; }
}

/// A member's reminder of a meeting, and what it becomes once they send apologies or the meeting is cancelled.
internal static class ReminderCard
{
    public const string ApologiseButton = "Send apologies";
    public const string JoinButton = "Join the Teams meeting";
    public const string UpdatesButton = "Read this quarter's updates";
    public const string PackButton = "Download the meeting pack";

    public static AdaptiveCard Build(MeetingReminderModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.IsCancelled)
        {
            return MeetingBlocks.Message("This meeting was cancelled", $"{model.Title} ({model.When}) was cancelled. There is nothing more to do.");
        }
        List<KeyValuePair<string, string>> ids = [new(MeetingVerbs.MeetingId, model.MeetingId)];
        List<CardElement> body =
        [
            CardBlocks.Heading($"{Capitalised(model.HowSoon)}: {CardBlocks.Name(model.Title)}"),
            new TextBlock(CardBlocks.Name(model.GroupName)) { IsSubtle = true, Spacing = Spacing.None },
            .. model.Notice is { Length: > 0 } notice ? [CardBlocks.Notice(CardText.Escape(notice), ContainerStyle.Warning)] : Array.Empty<CardElement>(),
            new FactSet([new("Meeting", CardBlocks.Name(model.Title)), new("When", CardText.Escape(model.When))]),
            .. MeetingBlocks.Agenda(model.Agenda),
        ];
        List<CardAction> actions = [];
        if (model.JoinUrl is { } join)
        {
            actions.Add(new OpenUrlAction(join) { Title = JoinButton, Style = ActionStyle.Positive });
        }
        if (model.RoundId is { Length: > 0 } round)
        {
            body.Add(new TextBlock(model.QuarterLabel is { Length: > 0 } q
                ? $"The sub-groups' updates for {CardText.Escape(q)} are ready to read before the meeting."
                : "The sub-groups' quarterly updates are ready to read before the meeting."));
            actions.Add(CardActions.Execute(UpdatesButton, MeetingVerbs.ReadUpdates, ids.With(MeetingVerbs.RoundId, round)));
        }
        if (model.PackUrl is { } pack)
        {
            actions.Add(new OpenUrlAction(pack) { Title = PackButton });
        }
        if (model.Apology is { } sent)
        {
            body.Add(CardBlocks.Notice(Confirmation(sent), ContainerStyle.Good));
        }
        else if (model.ApologiesSent)
        {
            body.Add(CardBlocks.Notice("You have sent your apologies for this meeting.", ContainerStyle.Good));
        }
        else
        {
            actions.Add(new ShowCardAction(ApologyForm(ids)) { Title = ApologiseButton });
        }
        return new AdaptiveCard
        {
            FallbackText = $"Reminder: {model.Title}, {model.When}",
            Body = body,
            Actions = actions.Count == 0 ? null : actions,
        };
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Confirmation(ApologyLine sent)
    {
        var text = $"Your apologies were sent to the OSP secretariat on {CardFormat.DateTime(sent.SentAt)}.";
        return sent.Note is { Length: > 0 } note ? $"{text} Your note: “{CardText.Quote(note, 300)}”" : text;
    }

    private static AdaptiveCard ApologyForm(IReadOnlyList<KeyValuePair<string, string>> ids) => new()
    {
        Schema = null,
        Body =
        [
            new TextBlock("The secretariat minutes apologies. You can add a note for them."),
            new TextInput { Id = MeetingVerbs.ApologyNote, Label = "Note (optional)", IsMultiline = true, MaxLength = 1000 },
        ],
        Actions = [CardActions.Execute(ApologiseButton, MeetingVerbs.SendApologies, ids, ActionStyle.Positive, sendInputs: true)],
    };
}
