using System.Text;
using OspBot.Reports;
using OspBot.Rounds;

namespace OspBot.Bench.Report;

/// Builds plausible updates: bullets, themed lists and wrapped prose of about 1,500 characters a section, with some
/// items repeated from quarter to quarter as real updates do, last quarter's plans marked, one sub-group's updates
/// approved by its chair, and four steering group meetings with agendas.
internal static class UpdateGenerator
{
    private static readonly string[] SubGroups = ["Economic Development", "Stronger Communities", "Zero Carbon Oxford Partnership", "Safer Communities"];

    private static readonly string[] Verbs = ["Delivered", "Launched", "Agreed", "Completed", "Extended", "Reviewed", "Funded", "Published", "Held", "Supported"];

    private static readonly string[] Things =
    [
        "the employers' day at Bullingdon Prison", "a youth employment hub at Rose Hill Community Centre", "the inclusive economy charter campaign",
        "health walks across Barton and Wood Farm", "the industrial decarbonisation roadmap", "a heat network feasibility study",
        "the night-time economy safety patrols", "community insight profiles for Littlemore", "the HR Network seminar on refugee employment",
        "concessionary leisure offers in the new contract", "a student safety campaign with both universities", "the fleet electrification sprint group",
    ];

    private static readonly string[] Themes = ["Inclusive Employment:", "Educational Attainment:", "Place-based:", "Social Value and Procurement:"];

    private static readonly string[] Partners = ["Oxfordshire County Council", "Thames Valley Police", "OxLEP", "the University of Oxford", "Oxford Brookes University", "Community First Oxfordshire", "the NHS"];

    public static AnnualReportInput Year(int year, ReportProfile profile)
    {
        var random = new Random(year);
        return new AnnualReportInput
        {
            FinancialYear = year,
            CompiledAt = new DateTimeOffset(year + 1, 6, 20, 9, 0, 0, TimeSpan.Zero),
            Profile = profile,
            SubGroups = [.. SubGroups.Select(name => new SubGroupInput { Name = name, Updates = Updates(year, name, random) })],
            Membership = [.. Enumerable.Range(1, 21).Select(i => new MembershipRow($"Member {i}", "Director", Partners[i % Partners.Length], IsChair: i == 1, IsVacant: i == 12))],
            SteeringGroupMeetings = [.. Enumerable.Range(0, 4).Select(q => new SteeringMeeting(
                new DateOnly(year, 6, 12).AddMonths(3 * q), "OSP steering group", $"1. Apologies\n2. {Things[random.Next(Things.Length)]}\n3. {Things[random.Next(Things.Length)]}\n4. Any other business"))],
        };
    }

    private static List<QuarterlyUpdate> Updates(int year, string name, Random random)
    {
        var updates = new List<QuarterlyUpdate>();
        for (var q = 1; q <= 4; q++)
        {
            var previousPlans = updates.Count > 0 ? updates[^1].Plans.Split('\n').Where(l => l.StartsWith("• ", StringComparison.Ordinal)).Select(l => l[2..]).ToList() : [];
            var approved = name.StartsWith("Zero", StringComparison.Ordinal);
            updates.Add(new QuarterlyUpdate
            {
                Quarter = q,
                SubmittedBy = "Lead officer",
                ApprovedBy = approved ? "Sub-group chair" : null,
                Version = 1 + random.Next(3),
                SubmittedAt = new DateTimeOffset(year, 7, 8, 9, 0, 0, TimeSpan.Zero).AddMonths(3 * (q - 1)),
                Achievements = Section(random, themed: true),
                Plans = Section(random, themed: false),
                Challenges = Section(random, themed: false),
                Requests = Section(random, themed: false),
                Rag = (RagStatus)(1 + random.Next(3)),
                RagReason = "Partner capacity is stretched",
                PlanReviews = [.. previousPlans.Select(p => new PlanMark(p, (PlanStatus)random.Next(4)))],
            });
        }
        return updates;
    }

    private static string Section(Random random, bool themed)
    {
        var sb = new StringBuilder();
        while (sb.Length < 1500)
        {
            if (themed && random.Next(6) == 0)
            {
                sb.Append(Themes[random.Next(Themes.Length)]).Append('\n');
            }
            var item = $"{Verbs[random.Next(Verbs.Length)]} {Things[random.Next(Things.Length)]} with {Partners[random.Next(Partners.Length)]}";
            if (random.Next(3) == 0)
            {
                // Prose wrapped as PDF text is, to exercise the line re-joining.
                sb.Append(item).Append(", building on the work reported last quarter and\nagreed with partners at the last meeting of the sub-group, so that the\nbenefits reach the communities with the worst outcomes.\n\n");
            }
            else
            {
                sb.Append("• ").Append(item).Append(random.Next(4) == 0 ? " – on track for the year-end target." : ".").Append('\n');
            }
        }
        return sb.ToString();
    }
}
