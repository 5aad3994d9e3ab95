using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// Past rounds, or a sub-group's updates over time, each with a button to read or see it.
internal static class HistoryCards
{
    /// Keeps the card and its number of buttons reasonable; older entries are counted, not listed.
    public const int MaxEntries = 20;

    public static AdaptiveCard History(UpdateHistoryModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var shown = model.Entries.Take(MaxEntries).ToList();
        IEnumerable<CardElement> more = model.Entries.Count > MaxEntries
            ? [CardBlocks.Subtle($"{CardFormat.Count(model.Entries.Count - MaxEntries)} older entries are not listed.")]
            : [];
        IEnumerable<CardElement> none = shown.Count == 0 ? [new TextBlock("Nothing yet.") { IsSubtle = true }] : [];
        return new AdaptiveCard
        {
            FallbackText = model.Title,
            Body = [CardBlocks.Heading(CardText.Quote(model.Title, 120)), .. none, .. shown.Select(Entry), .. more],
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    /// "history" with no sub-group, an ambiguous one or one that matches none: a button per sub-group to choose from.
    public static AdaptiveCard SubGroupPicker(SubGroupPickerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var typed = CardText.Quote(model.Typed, 80);
        var text = model.Typed.Length == 0 ? "Which sub-group's updates would you like to see?"
            : model.Ambiguous ? $"More than one sub-group matches \u201c{typed}\u201d. Which one do you mean?"
            : $"No sub-group is called \u201c{typed}\u201d. Which one do you mean?";
        if (model.SubGroups.Count == 0)
        {
            text = "There is no sub-group whose updates you may read.";
        }

        return new AdaptiveCard
        {
            FallbackText = text,
            Body =
            [
                CardBlocks.Heading("Past updates of a sub-group"),
                new TextBlock(text) { Wrap = true },
                CardBlocks.Subtle("You can also type its name, e.g. history " + (model.SubGroups.Count > 0 ? model.SubGroups[0].Name : "Stronger Communities") + "."),
            ],
            Actions = [.. model.SubGroups.Select(g =>
                CardActions.Execute(g.Name, RoundVerbs.SubGroupHistory, [new(RoundData.SubGroupKey, g.Key)]))],
        };
    }

    private static ColumnSet Entry(HistoryEntry e)
    {
        var title = e.SubGroupName is null ? CardBlocks.Name(e.QuarterLabel) : $"{CardBlocks.Name(e.QuarterLabel)} · {CardBlocks.Name(e.SubGroupName)}";
        List<CardElement> left = [new TextBlock(title) { Weight = TextWeight.Bolder }];
        if (e.State is { } state)
        {
            var row = new SubGroupRow { SubGroupId = string.Empty, SubGroupName = string.Empty, State = state, Submitted = e.Submitted, IsLate = e.IsLate };
            left.Add(new TextBlock(SubGroupRows.StateText(row)) { IsSubtle = true, Spacing = Spacing.None });
        }

        if (e.Round is { } round)
        {
            var closed = round.IsClosed ? " · closed" : "";
            left.Add(new TextBlock($"Meeting {CardFormat.Date(round.MeetingDate)} · {round.Submitted} of {round.SubGroups} submitted{closed}")
            {
                IsSubtle = true,
                Wrap = true,
                Spacing = Spacing.None,
            });
        }

        if (e.Rag is { } rag)
        {
            left.Add(RoundBlocks.RagBadge(rag) with { Spacing = Spacing.Small });
        }

        var button = e.Key is { } key
            ? CardActions.Execute("Read", RoundVerbs.ReadUpdate, RoundActions.Ids(key))
            : CardActions.Execute("Status", RoundVerbs.ShowStatus, [new(RoundData.RoundId, e.RoundId)]);
        return new ColumnSet
        {
            Separator = true,
            Columns =
            [
                new Column { Width = "stretch", Items = left },
                new Column { Width = "auto", VerticalContentAlignment = VerticalContentAlignment.Center, Items = [new ActionSet([button])] },
            ],
        };
    }
}
