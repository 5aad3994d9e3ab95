using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Reports;

/// A sub-group's standing settings, one part to a card: the fields with what is saved (or what was typed, when a
/// save failed), where they come from, and the recent versions.
internal sealed record SubGroupSettingsCardModel
{
    public required string GroupKey { get; init; }

    public required string GroupName { get; init; }

    public required string Section { get; init; }

    public required IReadOnlyList<SettingsTab> Sections { get; init; }

    public required IReadOnlyList<SettingsFieldModel> Fields { get; init; }

    /// The version the card shows (0: never saved); a save from an older card is refused.
    public required int BaseVersion { get; init; }

    public required string Origin { get; init; }

    /// The last complete financial year ("2024/25"), for the button that makes the report.
    public required string YearLabel { get; init; }

    public IReadOnlyList<SettingsHistoryLine> History { get; init; } = [];

    public string? Confirmation { get; init; }

    public string? Error { get; init; }
}

/// The editor of a sub-group's standing settings, for its chair and the secretariat. Every text on it is what
/// someone typed, so it is escaped where markdown would read it.
internal static class SubGroupSettingsCards
{
    public static AdaptiveCard Settings(SubGroupSettingsCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var title = model.Sections.FirstOrDefault(s => s.Key == model.Section)?.Title ?? model.Section;
        List<CardElement> body =
        [
            CardBlocks.Heading($"{CardText.Escape(model.GroupName)}: standing settings"),
            CardBlocks.Subtle(CardText.Escape(model.Origin)),
        ];
        if (model.Error is { Length: > 0 } error)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(error), ContainerStyle.Attention));
        }
        else if (model.Confirmation is { Length: > 0 } done)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(done), ContainerStyle.Good));
        }
        body.Add(new ActionSet([.. model.Sections.Where(s => s.Key != model.Section)
            .Select(s => CardActions.Execute(s.Title, ReportVerbs.SubGroupSettings, [new("group", model.GroupKey), new("section", s.Key)]))]));
        body.Add(CardBlocks.Subtle("Kept from year to year. Save before opening another part: what is typed here and not saved is not kept."));
        body.Add(CardBlocks.Bold(CardText.Escape(title), Spacing.Large));
        body.AddRange(model.Fields.SelectMany(f => ReportSettingsCards.Field(f, null)));
        body.AddRange(ReportSettingsCards.History(model.History));
        return new AdaptiveCard
        {
            FallbackText = $"{model.GroupName}: standing settings ({title})",
            MsTeams = TeamsCardOptions.FullWidth,
            Body = body,
            Actions =
            [
                CardActions.Execute("Save", ReportVerbs.SaveSubGroupSettings, [new("group", model.GroupKey), new("section", model.Section),
                    new("baseVersion", model.BaseVersion.ToString(CultureInfo.InvariantCulture))], ActionStyle.Positive, sendInputs: true),
                MakeReportButton($"Make the {model.YearLabel} report", model.GroupKey, model.YearLabel),
            ],
        };
    }

    /// The button that makes the sub-group's own annual report of a year.
    public static ExecuteAction MakeReportButton(string title, string groupKey, string yearLabel) =>
        CardActions.Execute(title, ReportVerbs.SubGroupReport, [new("group", groupKey), new("year", yearLabel)]);

    /// The button that opens the sub-group's standing settings.
    public static ExecuteAction Button(string groupKey) =>
        CardActions.Execute("Sub-group settings", ReportVerbs.SubGroupSettings, [new("group", groupKey), new("section", "")]);
}
