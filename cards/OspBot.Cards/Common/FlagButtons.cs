using OspBot.Cards.Model;

namespace OspBot.Cards.Common;

/// A flag's two decisions, the same wherever the flag is shown (the escalations card, the rounds' status card): put
/// it on the steering group's agenda, or dismiss it with a note typed into a ShowCard.
internal static class FlagButtons
{
    public const int MaxNote = 1000;

    /// <paramref name="data"/> carries the flag's key (CrossFeatureVerbs.FlagKey) and anything the answer needs.
    public static ActionSet AgendaOrDismiss(string flagKey, IReadOnlyList<KeyValuePair<string, string>> data) => new([
        CardActions.Execute("Put on the steering group agenda", CrossFeatureVerbs.FlagAgenda, data),
        new ShowCardAction(new AdaptiveCard
        {
            Schema = null,
            Body = [new TextInput { Id = CrossFeatureVerbs.FlagNoteId(flagKey), Label = "Why dismiss it? (a note for the record)", IsMultiline = true, MaxLength = MaxNote }],
            Actions = [CardActions.Execute("Dismiss the flag", CrossFeatureVerbs.FlagDismiss, data, sendInputs: true)],
        }) { Title = "Dismiss" },
    ]);
}
