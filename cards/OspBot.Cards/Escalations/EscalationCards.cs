using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Escalations;

/// The flag buttons are the rounds' status card's too, so their verbs are declared with the cross-feature ones.
internal static class EscalationVerbs
{
    public const string Agenda = CrossFeatureVerbs.FlagAgenda;
    public const string Dismiss = CrossFeatureVerbs.FlagDismiss;
    public const string Show = CrossFeatureVerbs.ShowFlags;
    public const string FlagKey = CrossFeatureVerbs.FlagKey;

    public static string NoteId(string flagKey) => CrossFeatureVerbs.FlagNoteId(flagKey);
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
            body.Add(FlagButtons.AgendaOrDismiss(row.Key, [new(EscalationVerbs.FlagKey, row.Key)]));
        }
        return new AdaptiveCard { FallbackText = "Persistent challenges", MsTeams = TeamsCardOptions.FullWidth, Body = body };
    }
}
