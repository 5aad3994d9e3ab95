using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// A sub-group's row on the status and digest cards.
internal static class SubGroupRows
{
    /// "Not started", "Draft, last edited 3 Oct 2026", "Awaiting approval", "Submitted by X on 5 Oct 2026, 14:30", plus "Late".
    public static string StateText(SubGroupRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = row.State switch
        {
            UpdateState.NotStarted => "Not started",
            UpdateState.Draft when row.LastEditedAt is { } at => $"Draft, last edited {CardFormat.ShortDate(at)}",
            UpdateState.Draft => "Draft",
            UpdateState.AwaitingApproval => "Awaiting approval",
            UpdateState.Submitted when row.Submitted is { } s => $"Submitted by {CardBlocks.Name(s.By)} on {CardFormat.ShortDateTime(s.At)}{(s.ViaEmail ? " via e-mail" : "")}",
            UpdateState.Submitted => "Submitted",
            _ => throw new ArgumentOutOfRangeException(nameof(row), row.State, "Unknown update state."),
        };
        return row.IsLate ? $"{text} · Late" : text;
    }

    /// Name and RAG on one line, state below.
    public static IEnumerable<CardElement> Summary(SubGroupRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        CardElement rag = row.Rag is { } r ? RoundBlocks.RagBadge(r) : new TextBlock("No RAG yet") { IsSubtle = true };
        yield return new ColumnSet
        {
            Columns =
            [
                new Column { Width = "stretch", Items = [new TextBlock(CardBlocks.Name(row.SubGroupName)) { Weight = TextWeight.Bolder }] },
                new Column { Width = "auto", Items = [rag] },
            ],
        };
        yield return new TextBlock(StateText(row))
        {
            Spacing = Spacing.None,
            IsSubtle = !row.IsLate,
            Color = row.IsLate ? TextColor.Attention : null,
        };
        foreach (var person in row.People)
        {
            yield return new TextBlock(PersonLines.Line(person)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None };
        }
    }

    public static IEnumerable<KeyValuePair<string, string>> Data(string roundId, SubGroupRow row)
    {
        yield return new(RoundData.RoundId, roundId);
        yield return new(RoundData.SubGroupId, row.SubGroupId);
        if (row.Key is { } key)
        {
            yield return new(RoundData.UpdateId, key.UpdateId);
            yield return new(RoundData.Version, key.Version);
        }
    }

    public static bool HasText(SubGroupRow row) => row.Key is not null && row.State != UpdateState.NotStarted;
}
