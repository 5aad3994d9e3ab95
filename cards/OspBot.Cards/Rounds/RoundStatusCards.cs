using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// The secretariat's status card and the digest for the secretariat and OSP chair.
internal static class RoundStatusCards
{
    /// Each row has its own Remind now / Reopen / Read buttons; when that makes the card too big (many
    /// sub-groups), the rows are listed without buttons and one sub-group picker drives three buttons.
    public static AdaptiveCard Status(RoundStatusModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // With the picker, a flag's Dismiss would send the picker's required input too: the flags are listed instead,
        // and only counted if even that is too big; the escalations card decides on them.
        return FirstThatFits(
            () => Status(model, picker: false, FlagLayout.Full),
            () => Status(model, picker: true, FlagLayout.Listed),
            () => Status(model, picker: true, FlagLayout.Counted));
    }

    /// The first layout within Teams' size limit, else the last (the most compact).
    private static AdaptiveCard FirstThatFits(params Func<AdaptiveCard>[] layouts)
    {
        var card = layouts[0]();
        foreach (var next in layouts.Skip(1))
        {
            if (RoundCardSize.Fits(card))
            {
                break;
            }
            card = next();
        }
        return card;
    }

    private static AdaptiveCard Status(RoundStatusModel model, bool picker, FlagLayout flags)
    {
        var done = model.Rows.Count(r => r.State == UpdateState.Submitted);
        var roundIds = new KeyValuePair<string, string>[] { new(RoundData.RoundId, model.RoundId) };
        return new AdaptiveCard
        {
            FallbackText = $"{model.RoundLabel}: {done} of {model.Rows.Count} sub-groups have submitted their update.",
            Body =
            [
                CardBlocks.Heading($"Quarterly updates: {CardBlocks.Name(model.RoundLabel)}"),
                .. model.Notice is { } notice ? [CardBlocks.Notice(CardText.Escape(notice), ContainerStyle.Good)] : Array.Empty<CardElement>(),
                new FactSet(
                [
                    new Fact("Deadline", CardFormat.DateTime(model.Deadline)),
                    model.ClosedAt is { } closed
                        ? new Fact("Closed", CardFormat.DateTime(closed))
                        : new Fact("Time left", CardFormat.TimeLeft(model.Now, model.Deadline)),
                    new Fact("Submitted", $"{done} of {model.Rows.Count}"),
                ]),
                .. model.Rows.Select(r => picker ? Row(r, []) : StatusRow(model, r)),
                .. picker ? [Picker(model.Rows)] : Array.Empty<CardElement>(),
                .. StatusFlagBlocks.Status(model.RoundId, model.Flags, model.FlagNotice, flags),
                .. Unreachable(model.Unreachable),
                .. SentByEmail(model.SentByEmail),
                .. model.ClosedAt is null ? [CloseRound(roundIds)] : Array.Empty<CardElement>(),
            ],
            Actions =
            [
                .. picker ? PickerActions(roundIds, model.ClosedAt is null) : [],
                CardActions.Execute("Refresh", RoundVerbs.ShowStatus, roundIds),
                CardActions.Execute("Past rounds", RoundVerbs.ShowHistory, []),
                // No year: the bot compiles the last complete financial year, as "compile report" does.
                CardActions.Execute("Compile annual report", CrossFeatureVerbs.CompileReport, []),
            ],
            Refresh = RoundActions.Refresh(RefreshViews.Status, roundIds, [model.RecipientMri]),
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    /// Each submitted sub-group has its own Read button; when that makes the card too big, one picker of the
    /// submitted sub-groups drives a single Read button, as on the status card.
    public static AdaptiveCard Digest(RoundDigestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FirstThatFits(
            () => Digest(model, picker: false, FlagLayout.Listed),
            () => Digest(model, picker: true, FlagLayout.Listed),
            () => Digest(model, picker: true, FlagLayout.Counted));
    }

    private static AdaptiveCard Digest(RoundDigestModel model, bool picker, FlagLayout flags)
    {
        var roundIds = new KeyValuePair<string, string>[] { new(RoundData.RoundId, model.RoundId) };
        var readable = model.Rows.Where(SubGroupRows.HasText).ToList();
        picker &= readable.Count > 0;
        return new AdaptiveCard
        {
            FallbackText = $"Quarterly updates {model.RoundLabel}: digest.",
            Body =
            [
                CardBlocks.Heading($"Quarterly updates: {CardBlocks.Name(model.RoundLabel)}"),
                CardBlocks.Subtle($"Deadline {CardFormat.DateTime(model.Deadline)}"),
                .. model.Rows.Select(r => Row(r, picker || !SubGroupRows.HasText(r)
                    ? [] : [CardActions.Execute("Read", RoundVerbs.ReadUpdate, SubGroupRows.Data(model.RoundId, r))])),
                .. picker ? [Picker(readable)] : Array.Empty<CardElement>(),
                .. StatusFlagBlocks.Digest(model.RoundId, model.Flags, flags),
            ],
            Actions = picker ? [CardActions.Execute("Read", RoundVerbs.ReadUpdate, roundIds, sendInputs: true)] : null,
            Refresh = model.RefreshUserIds.Count == 0 ? null : RoundActions.Refresh(RefreshViews.Digest, roundIds, model.RefreshUserIds),
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    private static Container StatusRow(RoundStatusModel model, SubGroupRow row)
    {
        var data = SubGroupRows.Data(model.RoundId, row).ToList();
        List<CardAction> actions = [];
        var open = model.ClosedAt is null;
        if (open && row.State != UpdateState.Submitted)
        {
            actions.Add(CardActions.Execute("Remind now", RoundVerbs.RemindGroup, data));
        }

        if (open && row.CanReopen)
        {
            actions.Add(CardActions.Execute("Reopen", RoundVerbs.Reopen, data));
        }

        if (SubGroupRows.HasText(row))
        {
            actions.Add(CardActions.Execute("Read", RoundVerbs.ReadUpdate, data));
        }

        return Row(row, actions);
    }

    // In the body, apart from the everyday buttons (Teams shows at most six card actions): closing ends the round.
    private static Container CloseRound(KeyValuePair<string, string>[] roundIds) => new()
    {
        Separator = true,
        Spacing = Spacing.Large,
        Items =
        [
            CardBlocks.Subtle("Closing the round stops further updates, late ones too, and sends the digest now."),
            new ActionSet([CardActions.Execute("Close round", RoundVerbs.CloseRound, roundIds, ActionStyle.Destructive)]),
        ],
    };

    private static Container Row(SubGroupRow row, List<CardAction> actions) => new()
    {
        Separator = true,
        Spacing = Spacing.Medium,
        Items = [.. SubGroupRows.Summary(row), .. actions.Count == 0 ? Array.Empty<CardElement>() : [new ActionSet(actions)]],
    };

    // The input's id is the data key the row buttons use, so the bot reads subGroupId either way.
    private static ChoiceSetInput Picker(IReadOnlyList<SubGroupRow> rows) => new()
    {
        Id = RoundData.SubGroupId,
        Label = "Sub-group",
        Style = ChoiceInputStyle.Compact,
        IsRequired = true,
        ErrorMessage = "Choose a sub-group.",
        Spacing = Spacing.Large,
        Choices = [.. rows.Select(r => new Choice(CardText.Truncate(r.SubGroupName, CardBlocks.MaxNameChars), r.SubGroupId))],
    };

    private static IEnumerable<CardAction> PickerActions(KeyValuePair<string, string>[] roundIds, bool open) =>
    [
        .. open
            ? [CardActions.Execute("Remind now", RoundVerbs.RemindGroup, roundIds, sendInputs: true),
                CardActions.Execute("Reopen", RoundVerbs.Reopen, roundIds, sendInputs: true)]
            : Array.Empty<CardAction>(),
        CardActions.Execute("Read", RoundVerbs.ReadUpdate, roundIds, sendInputs: true),
    ];

    private static IEnumerable<CardElement> Unreachable(IReadOnlyList<UnreachableRecipient> people)
    {
        if (people.Count == 0)
        {
            yield break;
        }

        yield return CardBlocks.Bold("I cannot reach these people in Teams", Spacing.Large);
        yield return new FactSet([.. people.Select(p => new Fact(
            $"{CardBlocks.Name(p.Name)} ({CardBlocks.Name(p.SubGroupName)})", Reason(p)))]);
    }

    private static IEnumerable<CardElement> SentByEmail(IReadOnlyList<EmailedRecipient> people)
    {
        if (people.Count == 0)
        {
            yield break;
        }
        yield return CardBlocks.Bold("Sent by e-mail", Spacing.Large);
        yield return new FactSet([.. people.Select(p => new Fact(
            $"{CardBlocks.Name(p.Name)} ({CardBlocks.Name(p.SubGroupName)})", "sent by e-mail"))]);
    }

    private static string Reason(UnreachableRecipient person) =>
        person.Detail is { Length: > 0 } detail ? CardText.Escape(detail) : Reason(person.Reason);

    private static string Reason(UnreachableReason reason) => reason switch
    {
        UnreachableReason.AppNotInstalled => "OspBot is not installed for them",
        UnreachableReason.Blocked => "They blocked OspBot",
        UnreachableReason.Removed => "OspBot was removed (uninstalled, or they left the team)",
        UnreachableReason.NotMatched => "Not linked to a Teams account",
        UnreachableReason.MayNotHaveArrived => "Sending was cut off; it may not have arrived (not resent: please check with them)",
        UnreachableReason.Retrying => "Teams is not taking messages just now; OspBot will try again",
        UnreachableReason.SendFailed => "Teams kept refusing the message; OspBot gave up (Remind now tries again)",
        UnreachableReason.NoEmail => "To be e-mailed, but the directory has no e-mail address for them",
        UnreachableReason.EmailRefused => "The mail service refused the e-mail",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason."),
    };
}
