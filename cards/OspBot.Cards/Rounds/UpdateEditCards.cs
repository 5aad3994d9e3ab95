using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// The card a sub-group chair or lead writes the quarterly update in.
internal static class UpdateEditCards
{
    public const int MaxRagReasonChars = 200;

    /// The whole update in one card, prefilled with the draft. When the draft is too long for one Teams card,
    /// the longest sections (as serialized) are shown as previews with an "Edit section N" button instead,
    /// one by one until the card fits; their stored text is never cut.
    public static AdaptiveCard Edit(UpdateEditModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var bySize = UpdateTemplate.Sections
            .Where(s => !string.IsNullOrEmpty(model.Draft.Get(s)))
            .OrderByDescending(s => RoundCardSize.EncodedBytes(model.Draft.Get(s)))
            .ToList();

        HashSet<UpdateSection> kept = [];
        var card = Build(model, kept);
        foreach (var section in bySize)
        {
            if (RoundCardSize.Fits(card))
            {
                break;
            }

            kept.Add(section);
            card = Build(model, kept);
        }

        return card;
    }

    /// One section alone, for a section too long to edit together with the others.
    public static AdaptiveCard EditSection(UpdateEditModel model, UpdateSection section)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(section);
        var card = BuildSection(model, section, prefill: true);
        return RoundCardSize.Fits(card) ? card : BuildSection(model, section, prefill: false);
    }

    private static AdaptiveCard Build(UpdateEditModel model, HashSet<UpdateSection> kept)
    {
        var data = SaveData(model.Key, kept);
        var submitTitle = model.NeedsApproval ? "Submit for approval" : "Submit";
        return new AdaptiveCard
        {
            FallbackText = $"Your quarterly update for {model.SubGroupName} is due {CardFormat.DateTime(model.Deadline)}.",
            Body =
            [
                .. Top(model, model.SubmittedAt is null ? "Your quarterly update to the OSP" : "Editing your submitted update"),
                .. ResubmitNotice(model),
                .. UpdateTemplate.Sections.SelectMany(s => (kept.Contains(s)
                    ? UpdateEditParts.KeptSection(s, model.Draft.Get(s)!, model.Errors, model.Key)
                    : UpdateEditParts.SectionInput(s, model.Draft.Get(s), model.Errors))
                    .Concat(s.InputId == UpdateInputs.Requests ? RequestSplitParts.Block(model, data) : [])),
                .. UpdateEditParts.RagInputs(model),
                .. UpdateEditParts.CarryForward(model),
                .. EarlierRequestParts.Block(model.EarlierRequests),
                .. Footer(model),
            ],
            Actions =
            [
                CardActions.Execute("Save draft", RoundVerbs.SaveDraft, data, sendInputs: true),
                CardActions.Execute(submitTitle, RoundVerbs.Submit, data, ActionStyle.Positive, sendInputs: true),
                // A snooze means nothing for an update already in: only a fresh prompt offers it.
                .. model.SubmittedAt is null
                    ? [CardActions.Execute("Remind me tomorrow", RoundVerbs.RemindTomorrow, RoundActions.Ids(model.Key))]
                    : Array.Empty<CardAction>(),
            ],
            Refresh = RoundActions.Refresh(RefreshViews.Update, RoundActions.Ids(model.Key), [model.RecipientMri]),
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    private static AdaptiveCard BuildSection(UpdateEditModel model, UpdateSection section, bool prefill)
    {
        var text = model.Draft.Get(section) ?? string.Empty;
        IEnumerable<CardElement> field = prefill
            ? UpdateEditParts.SectionInput(section, text, model.Errors)
            :
            [
                CardBlocks.Error(
                    $"This section is {CardFormat.Count(text.Length)} characters, too long to show in Teams (the limit is "
                    + $"{CardFormat.Count(UpdateTemplate.MaxSectionChars)}). Your saved text is kept; write a shorter version below to replace it."),
                new TextBlock(CardBlocks.Multiline(CardText.Truncate(text, UpdateEditParts.PreviewChars))) { IsSubtle = true, MaxLines = 4 },
                .. UpdateEditParts.SectionInput(section, null, model.Errors),
            ];
        HashSet<UpdateSection> kept = [.. UpdateTemplate.Sections.Where(s => s != section || !prefill)];
        var ids = RoundActions.Ids(model.Key);
        return new AdaptiveCard
        {
            FallbackText = $"Section {section.Number} of your quarterly update for {model.SubGroupName}.",
            Body = [.. Top(model, $"Section {section.Number} of your update"), .. field, .. Footer(model)],
            Actions =
            [
                CardActions.Execute("Save draft", RoundVerbs.SaveDraft, SaveData(model.Key, kept), sendInputs: true),
                CardActions.Execute("Back to the whole update", RoundVerbs.Edit, ids),
            ],
            Refresh = RoundActions.Refresh(RefreshViews.Section, ids.With(RoundData.Section, section.InputId), [model.RecipientMri]),
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    private static IEnumerable<CardElement> Top(UpdateEditModel model, string heading)
    {
        if (!string.IsNullOrWhiteSpace(model.Notice))
        {
            yield return CardBlocks.Notice(CardText.Escape(model.Notice));
        }

        yield return CardBlocks.Heading(heading);
        yield return RoundBlocks.Subheading(model.SubGroupName, model.QuarterLabel);
        yield return new FactSet(
        [
            new Fact("Deadline", CardFormat.DateTime(model.Deadline)),
            new Fact("Time left", CardFormat.TimeLeft(model.Now, model.Deadline)),
        ]);
        var onCard = new HashSet<string>(AllInputIds(model), StringComparer.Ordinal);
        foreach (var error in model.Errors.Where(e => !onCard.Contains(e.InputId)))
        {
            yield return CardBlocks.Error(error.Message);
        }
    }

    private static IEnumerable<CardElement> ResubmitNotice(UpdateEditModel model)
    {
        if (model.SubmittedAt is { } at)
        {
            yield return new TextBlock(
                $"You are editing your submitted update (submitted {CardFormat.DateTime(at)}). Submit replaces it; "
                + "until then the OSP sees the version you submitted.")
            { Wrap = true, Weight = TextWeight.Bolder };
        }
    }

    private static IEnumerable<CardElement> Footer(UpdateEditModel model)
    {
        if (model.NeedsApproval)
        {
            var who = string.IsNullOrWhiteSpace(model.ApproverName) ? "your sub-group's chair" : CardBlocks.Name(model.ApproverName);
            yield return CardBlocks.Subtle($"When you submit, {who} approves the update before it goes to the OSP.");
        }

        if (model.LastSaved is { } saved)
        {
            yield return RoundBlocks.StampLine("Last saved", saved);
        }
    }

    private static IEnumerable<string> AllInputIds(UpdateEditModel model) =>
    [
        .. UpdateTemplate.Sections.Select(s => s.InputId),
        UpdateInputs.Rag,
        UpdateInputs.RagReason,
        .. model.CarryForward.SelectMany(i => new[] { UpdateInputs.CarryForwardOutcome(i.ItemId), UpdateInputs.CarryForwardNote(i.ItemId) }),
    ];

    private static IEnumerable<KeyValuePair<string, string>> SaveData(UpdateKey key, HashSet<UpdateSection> kept) =>
        kept.Count == 0
            ? RoundActions.Ids(key)
            : RoundActions.Ids(key).With(RoundData.Kept, string.Join(',', UpdateTemplate.Sections.Where(kept.Contains).Select(s => s.InputId)));
}
