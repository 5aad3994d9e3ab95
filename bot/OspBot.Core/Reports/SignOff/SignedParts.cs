using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// The year's parts as the compiler takes them: by sub-group name, the text to print and the officer's note.
internal static class SignedParts
{
    public static async Task<IReadOnlyDictionary<string, SignedPart>?> LoadAsync(OspDbContext db, int year, CancellationToken ct)
    {
        var parts = await db.ReportParts.AsNoTracking().Where(p => p.FinancialYear == year)
            .Select(p => new
            {
                p.Group!.Name,
                p.State,
                p.ApprovedVersion,
                p.ApprovedByName,
                p.ApprovedAt,
                Approver = db.People.Where(x => x.Id == p.ApproverPersonId).Select(x => x.Name).First(),
                Latest = p.Versions.OrderByDescending(v => v.Number).First(),
            }).ToListAsync(ct);
        if (parts.Count == 0)
        {
            return null;
        }
        return parts.ToDictionary(p => p.Name, p => new SignedPart(
            PartSections.Of(p.Latest),
            p.State switch
            {
                PartState.Approved => $"Approved by {p.ApprovedByName} on {On(p.ApprovedAt)} (version {p.ApprovedVersion}).",
                PartState.Edited => $"Not yet approved: edited by {p.Latest.SavedByName} on {On(p.Latest.SavedAt)} (version {p.Latest.Number}); waiting for {p.Approver}.",
                _ => $"Not yet approved: as drafted; waiting for {p.Approver}.",
            },
            p.State == PartState.Approved,
            p.State == PartState.Edited), StringComparer.OrdinalIgnoreCase);
    }

    private static string On(DateTimeOffset? at) => at is { } t ? FinancialYears.Date(DateOnly.FromDateTime(London.Local(t))) : "an unknown date";
}
