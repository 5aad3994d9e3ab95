using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Reports;

/// The secretariat's editor of a year's report settings, one part per card so each stays within Teams' size limit.
/// Every text on it is what someone typed, so it is escaped where markdown would read it.
internal static class ReportSettingsCards
{
    private const int HistoryShown = 5;

    public static AdaptiveCard Settings(ReportSettingsCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var title = model.Sections.FirstOrDefault(s => s.Key == model.Section)?.Title ?? model.Section;
        List<CardElement> body =
        [
            CardBlocks.Heading($"Report settings for {model.YearLabel}"),
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

        body.Add(new ActionSet([.. model.Sections.Where(s => s.Key != model.Section).Select(s => SectionButton(s, model.YearLabel))]));
        body.Add(CardBlocks.Subtle("Save before opening another part: what is typed here and not saved is not kept."));
        body.Add(CardBlocks.Bold(CardText.Escape(title), Spacing.Large));
        body.AddRange(model.Fields.SelectMany(f => Field(f, model.EarliestMeetingDate)));
        body.AddRange(History(model.History));
        return new AdaptiveCard
        {
            FallbackText = $"Report settings for {model.YearLabel}: {title}",
            MsTeams = TeamsCardOptions.FullWidth,
            Body = body,
            Actions =
            [
                CardActions.Execute("Save", ReportVerbs.SaveSettings, Data(model.YearLabel, model.Section)
                    .With("baseVersion", model.BaseVersion.ToString(CultureInfo.InvariantCulture)), ActionStyle.Positive, sendInputs: true),
                CardActions.Execute("Compile the report", ReportVerbs.Compile, [new("year", model.YearLabel)]),
            ],
        };
    }

    public static AdaptiveCard NotAllowed() => new()
    {
        FallbackText = "Only the secretariat can change the report settings",
        Body =
        [
            new TextBlock("Only the secretariat can change the report settings") { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock("The annual report's cover and fixed text are set by the OSP secretariat (Oxford City Council Policy & Partnerships Team)."),
        ],
    };

    /// The button on other report cards that opens the settings of a year.
    public static ExecuteAction Button(string yearLabel) =>
        CardActions.Execute("Report settings", ReportVerbs.Settings, Data(yearLabel, ""));

    /// A settings field: its input (a date picker, a choice, or text), its hint and its error. The sub-groups'
    /// standing settings card shows its fields the same way.
    internal static IEnumerable<CardElement> Field(SettingsFieldModel field, string? earliestDate)
    {
        yield return field.Kind == SettingsFieldKind.Date
            ? new DateInput { Id = field.Key, Label = field.Label, Value = field.Value.Length > 0 ? field.Value : null, Min = earliestDate }
            : field.Choices is { } choices
            ? new ChoiceSetInput { Id = field.Key, Label = field.Label, Value = field.Value, Choices = [.. choices.Select(c => new Choice(c.Title, c.Value))] }
            : new TextInput
            {
                Id = field.Key,
                Label = field.Label,
                Value = field.Value,
                IsMultiline = field.Kind == SettingsFieldKind.Paragraphs ? true : null,
                MaxLength = field.MaxLength,
            };
        if (field.Hint is { Length: > 0 } hint)
        {
            yield return CardBlocks.Subtle(CardText.Escape(hint));
        }
        if (field.Error is { Length: > 0 } error)
        {
            yield return CardBlocks.Error(error);
        }
    }

    internal static IEnumerable<CardElement> History(IReadOnlyList<SettingsHistoryLine> history)
    {
        if (history.Count == 0)
        {
            yield break;
        }
        yield return CardBlocks.Bold("Recent versions", Spacing.Large);
        yield return new FactSet([.. history.Take(HistoryShown).Select(h => new Fact(
            string.Create(CultureInfo.InvariantCulture, $"Version {h.Version}"),
            $"{CardBlocks.Name(h.ChangedBy)}, {CardFormat.DateTime(h.ChangedAt)}: {CardText.Escape(string.Join(", ", h.Changed))}"))]);
    }

    private static ExecuteAction SectionButton(SettingsTab tab, string yearLabel) =>
        CardActions.Execute(tab.Title, ReportVerbs.Settings, Data(yearLabel, tab.Key));

    private static IEnumerable<KeyValuePair<string, string>> Data(string yearLabel, string section) =>
        [new("year", yearLabel), new("section", section)];
}
