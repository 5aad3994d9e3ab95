using OspBot.Cards.Model;
using OspBot.Cards.Rounds;
using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Rounds;

/// The card that answers a save, submit or approve.
internal static class UpdateResultCards
{
    public const string DraftSaved = "Draft saved.";
    public const string DraftKeptNotice = "Your draft is saved. Fill in what is missing below, then submit.";

    public static AdaptiveCard For(string verb, UpdateResult result, string mri, DateTimeOffset now) => result switch
    {
        UpdateResult.Saved s when verb == RoundVerbs.SaveDraft => PersonalCards.Edit(s.View, mri, now, DraftSaved),
        UpdateResult.Saved s => PersonalCards.Current(s.View, mri, now),
        UpdateResult.Invalid i => UpdateEditCards.Edit(
            RoundCardMapper.Edit(i.View, mri, now, i.DraftKept ? DraftKeptNotice : null, i.Entered, i.Errors)),
        UpdateResult.Stale st => RoundMessageCards.WithStaleNotice(PersonalCards.Current(st.Current, mri, now)),
        UpdateResult.Refused { Current: { } current, Refusal.Reason: RefusalReason.Locked } => PersonalCards.Current(current, mri, now),
        UpdateResult.Refused r => RoundStatusMapper.Refusal(r.Refusal),
        _ => throw new InvalidOperationException("Unknown update result."),
    };
}
