using System.Globalization;
using C = OspBot.Cards.Rounds;
using CardError = OspBot.Cards.Common.FieldError;
using D = OspBot.Rounds;

namespace OspBot.Rounds;

/// Domain views → card models, pure. Shared by the bot (answers to actions) and the dispatch job (prompts).
internal static class RoundCardMapper
{
    /// The secretariat as the locked card names it; the directory may have several people, the team is one.
    public const string SecretariatName = "Oxford City Council Policy & Partnerships Team";

    public static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static C.UpdateKey Key(D.UpdateView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(Id(v.RoundId), Id(v.UpdateId), Id(v.Revision));
    }

    /// The edit card, prefilled with <paramref name="entered"/> (what was typed, after an invalid save) or the stored content.
    public static C.UpdateEditModel Edit(
        D.UpdateView v, string recipientMri, DateTimeOffset now, string? notice = null,
        D.UpdateContent? entered = null, IReadOnlyList<D.FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(v);
        var content = entered ?? v.Content;
        return new C.UpdateEditModel
        {
            Key = Key(v),
            SubGroupName = v.GroupName,
            QuarterLabel = v.QuarterLabel,
            Deadline = v.DeadlineAt,
            Now = now,
            RecipientMri = recipientMri,
            Draft = Text(content),
            Rag = Rag(content.Rag),
            RagReason = content.RagReason,
            CarryForward = CarryForward(v.CarryForward, content.PlanReviews),
            EarlierRequests = [.. v.EarlierRequests.Select(r => new C.EarlierRequestItem(
                r.Id.ToString(CultureInfo.InvariantCulture), r.QuarterLabel, r.Text, r.Status, r.Response, r.StillStands, r.IsOpen))],
            OffersRequestCheck = v.ListsRequests,
            Errors = [.. (errors ?? []).Select(Error)],
            NeedsApproval = v.RequiresChairApproval && !v.Permissions.CanApprove,
            LastSaved = v.LastEditedAt is { } at ? new C.Stamp(v.LastEditedBy ?? "", at) : null,
            SubmittedAt = v.SubmittedAt,
            Notice = notice,
        };
    }

    public static C.UpdateSummaryModel Summary(D.UpdateView v, string recipientMri, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new C.UpdateSummaryModel
        {
            Update = ReadOnly(v),
            RecipientMri = recipientMri,
            CanEdit = v.Permissions.CanEdit && !v.IsLocked,
            ViewerCanApprove = v.Permissions.CanApprove,
            Notice = notice,
        };
    }

    public static C.LockedUpdateModel Locked(D.UpdateView v, string recipientMri)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new C.LockedUpdateModel
        {
            Key = Key(v),
            SubGroupName = v.GroupName,
            QuarterLabel = v.QuarterLabel,
            Deadline = v.DeadlineAt,
            SecretariatName = SecretariatName,
            RecipientMri = recipientMri,
            HasText = v.VersionNumber > 0,
        };
    }

    public static C.ChaserModel Chaser(D.UpdateView v, string recipientMri, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new C.ChaserModel
        {
            Key = Key(v),
            SubGroupName = v.GroupName,
            QuarterLabel = v.QuarterLabel,
            Deadline = v.DeadlineAt,
            Now = now,
            RecipientMri = recipientMri,
            HasDraft = v.VersionNumber > 0,
        };
    }

    /// The update as the read-only cards (summary, reader) show it.
    public static C.UpdateView ReadOnly(D.UpdateView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new C.UpdateView
        {
            Key = Key(v),
            SubGroupName = v.GroupName,
            QuarterLabel = v.QuarterLabel,
            State = State(v.Status),
            Text = Text(v.Content),
            Layout = ReadOnlyLayout.Of(v.Content.Achievements, v.Content.Plans, v.Content.Challenges, v.Content.Requests),
            Rag = Rag(v.Content.Rag),
            RagReason = v.Content.RagReason,
            Submitted = v.SubmittedAt is { } at ? new C.Stamp(v.SubmittedBy ?? "", at) : null,
            IsLate = v.IsLate,
            CarryForward = CarryForward(v.CarryForward, v.Content.PlanReviews),
            Approved = v.ApprovedBy is { } by && v.SubmittedAt is { } when ? new C.Stamp(by, when) : null,
        };
    }

    public static C.UpdateText Text(D.UpdateContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new() { Achievements = c.Achievements, Plans = c.Plans, Challenges = c.Challenges, Requests = c.Requests };
    }

    public static C.Rag? Rag(D.Rag? rag) => rag switch
    {
        D.Rag.Green => C.Rag.Green,
        D.Rag.Amber => C.Rag.Amber,
        D.Rag.Red => C.Rag.Red,
        _ => null,
    };

    public static C.UpdateState State(D.UpdateStatus status) => status switch
    {
        D.UpdateStatus.Draft => C.UpdateState.Draft,
        D.UpdateStatus.AwaitingApproval => C.UpdateState.AwaitingApproval,
        D.UpdateStatus.Submitted => C.UpdateState.Submitted,
        _ => C.UpdateState.NotStarted,
    };

    public static C.PlanOutcome? Outcome(D.PlanStatus? status) => status switch
    {
        D.PlanStatus.Done => C.PlanOutcome.Done,
        D.PlanStatus.InProgress => C.PlanOutcome.InProgress,
        D.PlanStatus.Slipped => C.PlanOutcome.Slipped,
        D.PlanStatus.Dropped => C.PlanOutcome.Dropped,
        _ => null,
    };

    /// Items keep their stored verdict unless the content carries a newer one for the same position.
    private static List<C.CarryForwardItem> CarryForward(IReadOnlyList<D.CarryForwardItem> items, IReadOnlyList<D.PlanReviewInput> reviews) =>
    [
        .. items.Select(i => reviews.FirstOrDefault(r => r.Position == i.Position) is { } r
            ? new C.CarryForwardItem { ItemId = Id(i.Position), Text = i.Text, Outcome = Outcome(r.Status), Note = r.Note }
            : new C.CarryForwardItem { ItemId = Id(i.Position), Text = i.Text, Outcome = Outcome(i.Status), Note = i.Note }),
    ];

    public static CardError Error(D.FieldError e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var inputId = e.Field switch
        {
            D.UpdateField.Achievements => C.UpdateInputs.Achievements,
            D.UpdateField.Plans => C.UpdateInputs.Plans,
            D.UpdateField.Challenges => C.UpdateInputs.Challenges,
            D.UpdateField.Requests => C.UpdateInputs.Requests,
            D.UpdateField.Rag => C.UpdateInputs.Rag,
            D.UpdateField.RagReason => C.UpdateInputs.RagReason,
            D.UpdateField.PlanReview when e.Position is { } p => C.UpdateInputs.CarryForwardOutcome(Id(p)),
            _ => "",
        };
        return new CardError(inputId, e.Message);
    }
}
