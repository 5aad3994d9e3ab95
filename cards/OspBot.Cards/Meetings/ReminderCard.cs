using OspBot.Cards.Model;
using OspBot.Cards.Rounds;

namespace OspBot.Cards.Meetings;

/// What a member's meeting reminder shows. Times are already London wall-clock text.
internal sealed record MeetingReminderModel
{
    public required string MeetingId { get; init; }
    public required string Title { get; init; }
    public required string GroupName { get; init; }

    /// e.g. "Mon 30 Mar 2026 10:00–11:00 (London time)".
    public required string When { get; init; }

    /// e.g. "in 7 days", "tomorrow".
    public required string HowSoon { get; init; }

    public Uri? JoinUrl { get; init; }
    public string? Agenda { get; init; }

    /// A steering group meeting's round, for the "Read the quarter's updates" button.
    public string? RoundId { get; init; }
    public string? QuarterLabel { get; init; }

    public bool ApologiesSent { get; init; }
}

/// Verbs and data keys of the meeting cards' buttons.
internal static class MeetingVerbs
{
    /// A member sends apologies (data: meetingId; input: apologyNote).
    public const string SendApologies = "meeting.apologies";

    /// A member reads the quarter's updates before a steering group meeting (data: meetingId, roundId).
    public const string ReadUpdates = "meeting.updates";

    public const string MeetingId = "meetingId";
    public const string RoundId = "roundId";
    public const string ApologyNote = "apologyNote";
}

/// The reminder a member gets before a meeting. Minimal on purpose: the Teams side's MeetingCards may replace it.
internal static class ReminderCard
{
    public static AdaptiveCard Build(MeetingReminderModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ids = new List<KeyValuePair<string, string>> { new(MeetingVerbs.MeetingId, model.MeetingId) };
        List<CardElement> body =
        [
            RoundBlocks.Heading($"Meeting {model.HowSoon}: {CardText.Escape(model.Title)}"),
            new TextBlock(CardText.Escape(model.GroupName)) { IsSubtle = true, Wrap = true },
            new FactSet([new Fact("When", model.When), new Fact("Join", model.JoinUrl is null ? "Details in your calendar invitation" : "Teams meeting (button below)")]),
        ];
        if (!string.IsNullOrWhiteSpace(model.Agenda))
        {
            body.Add(new TextBlock("Agenda") { Weight = TextWeight.Bolder });
            body.Add(new TextBlock(CardText.Escape(model.Agenda)));
        }
        List<CardAction> actions = [];
        if (model.JoinUrl is { } join)
        {
            actions.Add(new OpenUrlAction(join) { Title = "Join the meeting" });
        }
        if (model.RoundId is { } roundId)
        {
            actions.Add(RoundActions.Execute($"Read the {model.QuarterLabel} updates", MeetingVerbs.ReadUpdates,
                [.. ids, new(MeetingVerbs.RoundId, roundId)]));
        }
        if (model.ApologiesSent)
        {
            body.Add(new TextBlock("You have sent your apologies for this meeting.") { IsSubtle = true });
        }
        else
        {
            body.Add(new TextInput { Id = MeetingVerbs.ApologyNote, Label = "Can't come? Add a note (optional)", MaxLength = 1000 });
            actions.Add(RoundActions.Execute("Send apologies", MeetingVerbs.SendApologies, ids, sendInputs: true));
        }
        return new AdaptiveCard
        {
            FallbackText = $"Reminder: {model.Title}, {model.When}.",
            Body = body,
            Actions = actions,
        };
    }
}
