using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Reports;
using OspBot.Common;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// The sign-off's views as card models.
internal static class PartCardMapper
{
    public static AdaptiveCard Card(PartResult result) => result switch
    {
        PartResult.Shown s => PartCards.Part(Model(s.Part)),
        PartResult.Saved s => PartCards.Part(Model(s.Part, $"Saved as version {s.Part.Version}.")),
        PartResult.Approved a => PartCards.Part(Model(a.Part, $"Approved version {a.Part.Version}. Thank you: the secretariat will use it as it stands.")),
        PartResult.Asked a => PartCards.Part(Model(a.Part, $"Your question went to the secretariat ({(a.Told == 1 ? "1 person" : $"{a.Told} people")}).")),
        PartResult.Conflict c => PartCards.Conflict(new PartConflictModel(Model(c.Current), Sections(c.Yours))),
        PartResult.Refused r => Refused(r.Refusal),
        _ => throw new InvalidOperationException("Unknown part result."),
    };

    public static AdaptiveCard Refused(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var ask = refusal.AskWhom.Count == 0 || refusal.Message.Contains("ask ", StringComparison.OrdinalIgnoreCase) ? ""
            : " Ask " + string.Join(" or ", refusal.AskWhom.Select(c => c.Email is { Length: > 0 } e ? $"{c.Name} ({e})" : c.Name)) + ".";
        return MessageCards.Message("Sorry", refusal.Message + ask);
    }

    public static PartCardModel Model(PartView v, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new PartCardModel
        {
            PartId = v.PartId,
            YearLabel = FinancialYears.Label(v.FinancialYear),
            SubGroup = v.SubGroup,
            StateText = State(v.State, v.ApproverName, v.ApprovedByName, v.ApprovedAt, v.LastSavedBy),
            Version = v.Version,
            Sections = Sections(v.Sections),
            LastSaved = $"{v.LastSavedBy}, {On(v.LastSavedAt)}",
            ChangedNotice = Changed(v.ChangedSinceApproval, v.State == PartState.Approved),
            Outcome = outcome,
            IsFinal = v.IsFinal,
            CanApprove = v.CanApprove,
        };
    }

    public static SignOffStatusModel Status(SignOffStatus s, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SignOffStatusModel(s.FinancialYear, FinancialYears.Label(s.FinancialYear),
            [.. s.Parts.Select(p => new PartStatusLine(p.SubGroup,
                State(p.State, p.ApproverName, p.ApprovedByName, p.ApprovedAt, p.LastSavedBy) + (Changed(p.ChangedSinceApproval, p.State == PartState.Approved) is { } c ? " " + c : ""),
                p.State == PartState.Waiting))],
            s.FinalAt is { } at ? $"Marked final by {s.FinalByName} on {On(at)}: the parts are locked." : null,
            s.DaysLeft, outcome);
    }

    /// "Q4 was edited after you approved; review?"
    public static string? Changed(IReadOnlyList<string> quarters, bool approved) => quarters.Count == 0 ? null
        : $"{string.Join(" and ", quarters)} {(quarters.Count == 1 ? "was" : "were")} edited after {(approved ? "you approved" : "this part was drafted")}; review?";

    private static string State(PartState state, string approver, string? approvedBy, DateTimeOffset? approvedAt, string lastSavedBy) => state switch
    {
        PartState.Approved => $"Approved by {approvedBy} on {On(approvedAt)}",
        PartState.Edited => $"Edited by {lastSavedBy}; waiting for {approver} to approve",
        _ => $"Waiting for {approver}",
    };

    private static List<PartSectionModel> Sections(PartSections s) => [.. s.Named().Select(n => new PartSectionModel(n.Key, n.Title, n.Text))];

    private static string On(DateTimeOffset? at) => at is { } t ? FinancialYears.Date(DateOnly.FromDateTime(London.Local(t))) : "";
}
