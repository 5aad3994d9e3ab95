using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// The read-only body of an update. Sections too long for the card are shown shortened, with a button that
/// opens the section alone; shortening only ever changes what is shown.
internal static class UpdateViewParts
{
    public const int PreviewChars = 600;

    public static IEnumerable<CardElement> Header(UpdateView u, string heading)
    {
        yield return CardBlocks.Heading(heading);
        yield return RoundBlocks.Subheading(u.SubGroupName, u.QuarterLabel);
        if (u.Rag is { } rag)
        {
            yield return RoundBlocks.RagLine(rag, u.RagReason);
        }

        yield return new TextBlock(StateLine(u)) { Spacing = Spacing.Small };
        if (u.IsLate)
        {
            yield return new TextBlock("Late: after the deadline") { Color = TextColor.Attention, Weight = TextWeight.Bolder, Spacing = Spacing.None };
        }
    }

    public static string StateLine(UpdateView u) => u.State switch
    {
        UpdateState.NotStarted => "Not started",
        UpdateState.Draft => "Draft, not yet submitted",
        UpdateState.AwaitingApproval when u.Submitted is { } s =>
            $"Submitted by {CardBlocks.Name(s.By)} on {CardFormat.DateTime(s.At)}; awaiting approval by {Approver(u)}",
        UpdateState.AwaitingApproval => $"Awaiting approval by {Approver(u)}",
        UpdateState.Submitted when u.Submitted is { } s => $"Submitted by {CardBlocks.Name(s.By)} on {CardFormat.DateTime(s.At)}"
            + (u.Approved is { } a ? $"; approved by {CardBlocks.Name(a.By)} on {CardFormat.DateTime(a.At)}" : string.Empty),
        UpdateState.Submitted => "Submitted",
        _ => throw new ArgumentOutOfRangeException(nameof(u), u.State, "Unknown update state."),
    };

    public static IEnumerable<CardElement> Sections(UpdateView u, IReadOnlySet<UpdateSection> shortened) =>
        UpdateTemplate.Sections.SelectMany(s => Section(u, s, shortened.Contains(s) ? PreviewChars : null));

    /// One section as paragraphs and list items; <paramref name="maxChars"/> shortens what is shown and offers the
    /// section on its own.
    public static IEnumerable<CardElement> Section(UpdateView u, UpdateSection section, int? maxChars)
    {
        yield return CardBlocks.Bold(CardText.Escape(section.Label));
        var pieces = u.Layout.Get(section);
        if (pieces.Count == 0)
        {
            yield return new TextBlock("Nothing written.") { IsSubtle = true, Spacing = Spacing.Small };
            yield break;
        }

        var (blocks, shown) = SectionBlocks.Render(pieces, maxChars);
        foreach (var block in blocks)
        {
            yield return block;
        }

        if (shown >= SectionBlocks.Length(pieces))
        {
            yield break;
        }

        yield return CardBlocks.Subtle($"Shortened here: the section is {CardFormat.Count(u.Text.Get(section)?.Length ?? 0)} characters.");
        yield return new ActionSet(
        [
            CardActions.Execute($"Read section {section.Number} in full", RoundVerbs.ReadUpdate,
                RoundActions.Ids(u.Key).With(RoundData.Section, section.InputId)),
        ]);
    }

    public static IEnumerable<CardElement> CarryForward(UpdateView u)
    {
        if (u.CarryForward.Count == 0)
        {
            yield break;
        }

        yield return CardBlocks.Bold("Last quarter's plans", Spacing.Large);
        foreach (var item in u.CarryForward)
        {
            var outcome = item.Outcome is { } o ? RoundFormat.Label(o) : "Not reviewed";
            var note = string.IsNullOrWhiteSpace(item.Note) ? string.Empty : $" — {CardText.Quote(item.Note, UpdateEditParts.MaxNoteChars)}";
            yield return new TextBlock(CardText.Quote(item.Text, UpdateEditParts.MaxCarryForwardTextChars)) { Spacing = Spacing.Small };
            yield return new TextBlock($"{outcome}{note}") { IsSubtle = true, Spacing = Spacing.None };
        }
    }

    /// Builds with every section in full, then shortens the longest ones until the card fits.
    public static AdaptiveCard Fit(UpdateView u, Func<IReadOnlySet<UpdateSection>, AdaptiveCard> build)
    {
        HashSet<UpdateSection> shortened = [];
        var card = build(shortened);
        var bySize = UpdateTemplate.Sections
            .Where(s => SectionBlocks.Length(u.Layout.Get(s)) > PreviewChars)
            .OrderByDescending(s => RoundCardSize.EncodedBytes(CardBlocks.Multiline(u.Text.Get(s))));
        foreach (var section in bySize)
        {
            if (RoundCardSize.Fits(card))
            {
                break;
            }

            shortened.Add(section);
            card = build(shortened);
        }

        return card;
    }

    private static string Approver(UpdateView u) =>
        string.IsNullOrWhiteSpace(u.ApproverName) ? "the sub-group chair" : CardBlocks.Name(u.ApproverName);
}
