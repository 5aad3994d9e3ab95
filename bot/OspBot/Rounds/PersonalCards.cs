using OspBot.Cards.Model;
using C = OspBot.Cards.Rounds;
using D = OspBot.Rounds;

namespace OspBot.Rounds;

/// Which card a person sees for an update right now: the edit card while they may change it, the read-only
/// summary once it is submitted (with Edit while the round is open), the locked card past the deadline.
internal static class PersonalCards
{
    public static AdaptiveCard Current(D.UpdateView v, string recipientMri, DateTimeOffset now, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.IsLocked || v.RoundState == D.RoundState.Closed)
        {
            return C.RoundMessageCards.Locked(RoundCardMapper.Locked(v, recipientMri));
        }
        var submitted = v.Status is D.UpdateStatus.Submitted or D.UpdateStatus.AwaitingApproval && !v.HasUnsubmittedChanges;
        return submitted || !v.Permissions.CanEdit
            ? C.UpdateSummaryCards.Summary(RoundCardMapper.Summary(v, recipientMri, notice))
            : C.UpdateEditCards.Edit(RoundCardMapper.Edit(v, recipientMri, now, notice));
    }

    /// The edit card whatever the state (the answer to Edit, and to a draft save).
    public static AdaptiveCard Edit(D.UpdateView v, string recipientMri, DateTimeOffset now, string? notice = null) =>
        v.IsLocked || v.RoundState == D.RoundState.Closed || !v.Permissions.CanEdit
            ? Current(v, recipientMri, now, notice)
            : C.UpdateEditCards.Edit(RoundCardMapper.Edit(v, recipientMri, now, notice));
}
