using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OspBot.Common;
using OspBot.Data;
using OspBot.Members;
using OspBot.Reports.Drafting;

namespace OspBot.Reports;

/// The sub-group's own annual report within a compilation: its year drafted as the council report drafts it, its
/// standing settings and its members from the directory, made into the document (SubGroupReportCompiler).
internal sealed class SubGroupReports(OspDbContext db, SubGroupSettings settings)
{
    public async Task<ReportModel> ModelAsync(int groupId, AnnualReportInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var standing = await settings.ForGroupAsync(groupId, ct)
            ?? throw new InvalidOperationException($"Sub-group {groupId} is not in the directory any more.");
        var group = input.SubGroups.FirstOrDefault(g => g.Name == standing.GroupName) ?? new SubGroupInput { Name = standing.GroupName };
        var seats = await db.Memberships.AsNoTracking().Where(m => m.GroupId == groupId && !m.Person!.IsVacant).OrderBy(m => m.Id)
            .Select(m => new { m.Person!.Name, m.Person.Organisation, m.Role }).ToListAsync(ct);
        return SubGroupReportCompiler.Compile(new SubGroupReportInput(
            standing.GroupName, input.FinancialYear, AnnualReportCompiler.Draft(input, group), standing.Standing,
            [.. seats.Select(s => new GroupMember(s.Name, s.Organisation, s.Role == MembershipRole.Chair))],
            DateOnly.FromDateTime(London.Local(input.CompiledAt))));
    }

    /// "Stronger Communities annual report 2024-25 (v2).docx"
    public static string FileName(string groupName, int year, int version, string extension = "docx") =>
        string.Create(CultureInfo.InvariantCulture, $"{Safe(groupName)} annual report {FinancialYears.Label(year).Replace('/', '-')} (v{version}).{extension}");

    private static string Safe(string name) =>
        new([.. name.Select(ch => char.IsLetterOrDigit(ch) || ch is ' ' or '-' or '&' ? ch : '-')]);
}
