using System.Globalization;
using OspBot.Cards.Model;
using C = OspBot.Cards.Rounds;
using D = OspBot.Rounds;

namespace OspBot.Rounds;

/// The answer to "Check how my requests will be listed": the edit card again with everything as typed, and under
/// section 4 the requests the register will take from it. Nothing is saved: a check is a question, and a draft
/// save would add a version, move the card's version token and tell the co-editors something changed.
internal static class RequestCheckCard
{
    public static AdaptiveCard For(D.UpdateView v, RoundCardInput input, IPromptExtras extras, string mri, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(extras);
        if (v.IsLocked || v.RoundState == D.RoundState.Closed || !v.Permissions.CanEdit)
        {
            return PersonalCards.Current(v, mri, now);
        }
        var entered = input.Patch().ApplyTo(v.Content, v.CarryForward.Count);
        var answers = input.StillStands();
        var asTyped = v with
        {
            EarlierRequests = [.. v.EarlierRequests.Select(r => answers.TryGetValue(r.Id, out var stands) ? r with { StillStands = stands } : r)],
        };
        var model = RoundCardMapper.Edit(asTyped, mri, now, entered: entered);
        return C.UpdateEditCards.Edit(model with
        {
            // The version the pressed card showed, not the newest: a submit over someone else's later save stays stale.
            Key = model.Key with { Version = (input.Version ?? -1).ToString(CultureInfo.InvariantCulture) },
            RequestSplit = extras.SplitRequests(entered.Requests),
        });
    }
}
