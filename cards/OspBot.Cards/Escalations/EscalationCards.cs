using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Escalations;

internal static class EscalationVerbs
{
    public const string Agenda = "escalation.agenda";
    public const string Dismiss = "escalation.dismiss";
    public const string FlagKey = "flag";
    public const string Note = "note";

    public static string NoteId(string flagKey) => $"{Note}-{flagKey}";
}

/// One flag: whose, what, since when, and what was decided (null: nothing yet).
internal sealed record EscalationRow(string Key, string GroupName, string Summary, string? Decision);

internal sealed record EscalationsCardModel(IReadOnlyList<EscalationRow> Rows, string? Notice, bool NoticeIsError);

/// The secretariat's persistent blocks: each flag with buttons to put it on the steering group's agenda or dismiss it
/// with a note. What the leads wrote is escaped.
internal static class EscalationCards
{
    public static AdaptiveCard Flags(EscalationsCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body = [CardBlocks.Heading("Persistent challenges"), CardBlocks.Subtle("Reported two or more quarters running, or amber or red two quarters running.")];
        if (model.Notice is { Length: > 0 } notice)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(notice), model.NoticeIsError ? ContainerStyle.Attention : ContainerStyle.Good));
        }
        if (model.Rows.Count == 0)
        {
            body.Add(new TextBlock("Nothing has persisted: no sub-group reported the same block, or amber or red, two quarters running."));
        }
        foreach (var row in model.Rows)
        {
            body.Add(new TextBlock(CardText.Escape(row.GroupName)) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            body.Add(new TextBlock(CardText.Escape(row.Summary)));
            if (row.Decision is { } decided)
            {
                body.Add(CardBlocks.Subtle(CardText.Escape(decided)));
                continue;
            }
            List<KeyValuePair<string, string>> ids = [new(EscalationVerbs.FlagKey, row.Key)];
            body.Add(new ActionSet([
                CardActions.Execute("Put on the steering group agenda", EscalationVerbs.Agenda, ids),
                new ShowCardAction(new AdaptiveCard
                {
                    Schema = null,
                    Body = [new TextInput { Id = EscalationVerbs.NoteId(row.Key), Label = "Why dismiss it? (a note for the record)", IsMultiline = true, MaxLength = 1000 }],
                    Actions = [CardActions.Execute("Dismiss the flag", EscalationVerbs.Dismiss, ids, sendInputs: true)],
                }) { Title = "Dismiss" },
            ]));
        }
        return new AdaptiveCard { FallbackText = "Persistent challenges", MsTeams = TeamsCardOptions.FullWidth, Body = body };
    }
}
