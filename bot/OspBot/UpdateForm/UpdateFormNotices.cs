using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.UpdateForm;

/// The sentence at the top of the form: what just happened, or what the person can still do.
internal static class UpdateFormNotices
{
    public static string? Opened(UpdateView view, string? done, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        var deadline = London.Format(view.DeadlineAt) + " (London time)";
        if (view.IsLocked || view.RoundState == RoundState.Closed)
        {
            return view.RoundState == RoundState.Closed
                ? "The secretariat has closed this round: the update can no longer be changed."
                : "The deadline has passed and this update was submitted, so it is locked. To change it, ask the secretariat to reopen it.";
        }
        return done switch
        {
            UpdateFormInput.Draft => $"Your draft is saved. It is not submitted yet: submit it by {deadline}.",
            UpdateFormInput.Submit when view.Status == UpdateStatus.AwaitingApproval => "Submitted. It counts once your chair approves it.",
            UpdateFormInput.Submit or UpdateFormInput.Approve => $"Thank you: your update is submitted. You can change it and submit again until {deadline}.",
            _ when view.DeadlineAt <= now && view.SubmittedAt is null => "The deadline has passed: what you submit now is marked late.",
            _ => null,
        };
    }

    public static string? Invalid(UpdateResult.Invalid result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.DraftKept ? "Not submitted: what you wrote is saved as a draft. Complete the fields listed above and submit again." : null;
    }

    public static string Stale(UpdateView current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return $"{current.LastEditedBy ?? "Someone"} saved this update while you were editing, so yours was not saved. What you typed is below: "
            + "save or submit again to replace their version.";
    }
}
