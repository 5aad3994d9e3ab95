using OspBot.Reports;
using OspBot.Reports.Drafting;
using OspBot.Rounds;

namespace OspBot.Tests.Reports;

/// A realistic 2024/25: Economic Development writes under its own themes; Stronger Communities sends the real seed
/// updates for Q1 and Q2 and then falls silent; Zero Carbon's lead writes and its chair approves; Safer Communities
/// types plain lines. Leads mark last quarter's plans done, in progress or dropped as the cards let them.
internal static class ReportInputs
{
    public const int Year = 2024;

    public static readonly DateTimeOffset CompiledAt = new(2025, 6, 20, 10, 0, 0, TimeSpan.FromHours(1));

    public static readonly DateOnly CouncilMeeting = new(2025, 7, 14);

    public const string StrongerCommunitiesNote = "The sub-group has not met since its supporting officer left the Council in October 2024; its future will be considered in the Community Services review";

    public static DateTimeOffset Submitted(int quarter) =>
        new DateTimeOffset(2024, 7, 8, 9, 30, 0, TimeSpan.FromHours(1)).AddMonths(3 * (quarter - 1));

    public static AnnualReportInput FullYear() => new()
    {
        FinancialYear = Year,
        CompiledAt = CompiledAt,
        Profile = Profile(),
        // Alphabetical order would put Economic Development, Safer, Stronger, Zero Carbon: the profile's order must win.
        SubGroups = [SaferCommunities(), ZeroCarbon(), EconomicDevelopment(), StrongerCommunities()],
        Membership = Membership,
        MembershipAsAt = new DateOnly(2025, 6, 2),
        SteeringGroupMeetings = Meetings,
    };

    public static ReportProfile Profile()
    {
        var sample = ReportProfile.Sample();
        return sample with
        {
            Cover = sample.Cover with { CouncilMeetingDate = CouncilMeeting },
            SubGroups = [.. sample.SubGroups.Select(s => s.Name == "Stronger Communities" ? s with { Note = StrongerCommunitiesNote } : s)],
        };
    }

    public static QuarterlyUpdate Update(int quarter, string achievements, string plans, string challenges = "None.", string requests = "None at present.") => new()
    {
        Quarter = quarter,
        SubmittedBy = "Lucy Cherry",
        Version = 1,
        SubmittedAt = Submitted(quarter),
        Achievements = achievements,
        Plans = plans,
        Challenges = challenges,
        Requests = requests,
        Rag = RagStatus.Green,
    };

    public static SubGroupInput EconomicDevelopment() => new()
    {
        Name = "Economic Development",
        Updates =
        [
            Update(1, """
                • Held the second HR Network seminar with speakers from Asylum Welcome, Aspire and the NHS
                • Employers' day at Bullingdon Prison: vacancies from attendees are now placed through the prison employment hub
                • Economic Strategy dashboard of measures and KPIs reported to the EGSB
                """, """
                • Follow-up employers' day at Bullingdon Prison in the autumn
                • Launch a communication campaign on social value in procurement
                """),
            Update(2, """
                · Age Without Limits campaign run on LinkedIn to coincide with the national day of action
                · Age friendly employer page added to the OIEP website with toolkits from the Centre for Ageing Better
                """, "· Recruit a graduate placement for one day a week to support the age friendly employer work", "Funding for the OIEP Manager post beyond March 2025 is not yet confirmed.")
                with { Version = 2, PlanReviews = [new("Follow-up employers' day at Bullingdon Prison in the autumn", PlanStatus.InProgress), new("Launch a communication campaign on social value in procurement", PlanStatus.Slipped)] },
            Update(3, """
                Inclusive Employment:
                - Held the second HR Network seminar with speakers from Asylum Welcome, Aspire and the NHS
                - Follow-up employers' day held at Bullingdon Prison with twelve employers
                Social Value and Procurement:
                - First Social Value and Procurement anchor sub-group meeting with the Council, ODS, the County Council and the University of Oxford
                Place-based:
                - Local Policy Lab researchers secured to develop an evaluation plan for the OIEP
                """, "- Publish the OIEP evaluation plan\n- Grow the Inclusive Economy Charter past 100 signatories",
                "Funding for the OIEP Manager post beyond March 2025 is not yet confirmed.",
                "Ask OSP members to sign the Oxfordshire Inclusive Economy Charter and promote it through their networks.")
                with
                {
                    Rag = RagStatus.Amber,
                    RagReason = "Funding for the OIEP Manager post beyond March 2025 is not yet confirmed.",
                    PlanReviews = [new("Recruit a graduate placement for one day a week to support the age friendly employer work", PlanStatus.Done)],
                },
            Update(4, """
                Oxfordshire Inclusive Economy Charter:
                - Nearly 100 organisations, including Oxford City Council, have now signed the Oxfordshire Inclusive Economy Charter
                Place-based:
                - Local Policy Lab researchers secured to develop the evaluation plan for the OIEP
                """, """
                - Refresh the Economic Strategy delivery plan for 2025/26
                - Hold an HR Network event on employing veterans and military families
                """, "None.", "Ask OSP members to sign the Oxfordshire Inclusive Economy Charter and promote it through their networks.")
                with { PlanReviews = [new("Publish the OIEP evaluation plan", PlanStatus.Slipped), new("Grow the Inclusive Economy Charter past 100 signatories", PlanStatus.Dropped)] },
        ],
    };

    /// The real seed updates as Q1 (the scan, early 2019) and Q2 (the PDF, mid-2019); nothing after.
    public static SubGroupInput StrongerCommunities() => new()
    {
        Name = "Stronger Communities",
        Updates = [SeedUpdates.Scanned(1), SeedUpdates.Pdf(2)],
    };

    public static SubGroupInput ZeroCarbon() => new()
    {
        Name = "Zero Carbon Oxford Partnership",
        Updates =
        [
            Approved(Update(1, "- Won £265,000 from Local Industrial Decarbonisation Plans for an industry roadmap\n- Sprint groups on heat networks and fleet electrification met monthly",
                "- Appoint consultants for the industrial roadmap"), version: 2),
            Approved(Update(2, "- Consultants appointed for the industrial roadmap; BMW, Unipart and Oxfordshire Greentech on the steering panel",
                "- Draft industrial roadmap by December 2024") with { PlanReviews = [new("Appoint consultants for the industrial roadmap", PlanStatus.Done)] }, version: 3),
            Approved(Update(3, "- Draft industrial roadmap shared with partners for comment",
                "- Review the Action Plan roadmap ahead of its 2025 review date", "Partner capacity to lead sprint groups is stretched.") with
                {
                    Rag = RagStatus.Amber,
                    RagReason = "Partner capacity to lead sprint groups is stretched",
                    PlanReviews = [new("Draft industrial roadmap by December 2024", PlanStatus.Done)],
                }, version: 2),
            Approved(Update(4, "- Industrial roadmap and action plan published\n- Agreed to widen ZCOP into an Oxfordshire partnership from 2025",
                "- Recruit county-wide members\n- Review the Action Plan roadmap ahead of its 2025 review date", "None.",
                "OSP members to nominate contacts for the county-wide partnership."), version: 1),
        ],
    };

    /// The lead writes, the chair approves.
    private static QuarterlyUpdate Approved(QuarterlyUpdate u, int version) =>
        u with { SubmittedBy = "Tomasz Nowak", ApprovedBy = "Cllr Susan Brown", Version = version };

    public static SubGroupInput SaferCommunities() => new()
    {
        Name = "Safer Communities",
        Updates = [.. new[]
        {
            Update(1, "OSCP Board agreed its 2024/25 priorities:\nserious and organised crime, including county drug lines\nviolence against women and girls\nanti-social behaviour",
                "Publish the rolling plan for 2024/25."),
            Update(2, "Rolling plan 2024/25 published.\nCity centre night-time economy patrols extended through the summer.", "Run the autumn student safety campaign.")
                with { PlanReviews = [new("Publish the rolling plan for 2024/25.", PlanStatus.Done)] },
            Update(3, "Student safety campaign delivered with both universities.", "Review neighbourhood crime hotspots with Thames Valley Police.")
                with { PlanReviews = [new("Run the autumn student safety campaign.", PlanStatus.Done)] },
            Update(4, "Neighbourhood crime hotspot review completed; burglary down in three wards.", "Agree the 2025/26 priorities at the June Board.")
                with { PlanReviews = [new("Review neighbourhood crime hotspots with Thames Valley Police.", PlanStatus.Done)] },
        }.Select(u => u with { SubmittedBy = "Priya Shah" })],
    };

    public static readonly IReadOnlyList<MembershipRow> Membership =
    [
        new("Paul James", "Chief Executive", "River Learning Trust", IsChair: true),
        new("Cllr Susan Brown", "Leader", "Oxford City Council"),
        new("Caroline Green", "Chief Executive", "Oxford City Council"),
        new("Jeremy Long", "Chair", "OxLEP"),
        new("Vacant", "Larger Business Representative", null, IsVacant: true),
        new("Lucy Cherry", "Policy and Partnerships Officer", "Oxford City Council"),
    ];

    public static readonly IReadOnlyList<SteeringMeeting> Meetings =
    [
        new(new DateOnly(2024, 6, 12), "OSP steering group", """
            1. Welcome and introductions
            2. Minutes of the last meeting
            3. Health focus: Oxfordshire Joint Strategic Needs Assessment
            4. The Oxford Local Plan 2040
            5. Any other business
            """),
        new(new DateOnly(2024, 9, 18), "OSP steering group", "Apologies\nServing the city's anchor institutions: convening workshop\nOSP website review and improvement"),
        new(new DateOnly(2024, 12, 4), "OSP steering group", "- The Oxford Local Plan 2040\n- Community First Oxfordshire: Well Together programme"),
    ];
}
