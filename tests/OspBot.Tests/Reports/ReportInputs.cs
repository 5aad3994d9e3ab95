using OspBot.Reports;

namespace OspBot.Tests.Reports;

/// A realistic 2024/25: the real Stronger Communities updates (seeds) plus updates written for the other sub-groups.
internal static class ReportInputs
{
    public const int Year = 2024;

    public static readonly DateTimeOffset CompiledAt = new(2025, 6, 20, 10, 0, 0, TimeSpan.FromHours(1));

    public static DateTimeOffset Submitted(int quarter) =>
        new DateTimeOffset(2024, 7, 8, 9, 30, 0, TimeSpan.FromHours(1)).AddMonths(3 * (quarter - 1));

    public static AnnualReportInput FullYear() => new()
    {
        FinancialYear = Year,
        CompiledAt = CompiledAt,
        Profile = ReportProfile.Sample(),
        SubGroups = [EconomicDevelopment(), StrongerCommunities(), ZeroCarbon(), SaferCommunities()],
        Membership = Membership,
    };

    public static QuarterlyUpdate Update(int quarter, string achievements, string plans, string challenges = "None.", string requests = "None at present.") => new()
    {
        Quarter = quarter,
        SubmittedBy = "Lucy Cherry",
        SubmittedAt = Submitted(quarter),
        Achievements = achievements,
        Plans = plans,
        Challenges = challenges,
        Requests = requests,
        Rag = quarter == 3 ? RagStatus.Amber : RagStatus.Green,
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
                """, "· Recruit a graduate placement for one day a week to support the age friendly employer work", "Funding for the OIEP Manager post beyond March 2025 is not yet confirmed."),
            Update(3, """
                - Held the second HR Network seminar with speakers from Asylum Welcome, Aspire and the NHS
                - First Social Value and Procurement anchor sub-group meeting with the Council, ODS, the County Council and the University of Oxford
                - Local Policy Lab researchers secured to develop an evaluation plan for the OIEP
                """, "- Publish the OIEP evaluation plan\n- Grow the Inclusive Economy Charter past 100 signatories",
                "Funding for the OIEP Manager post beyond March 2025 is not yet confirmed.",
                "Ask OSP members to sign the Oxfordshire Inclusive Economy Charter and promote it through their networks."),
            Update(4, """
                - Nearly 100 organisations, including Oxford City Council, have now signed the Oxfordshire Inclusive Economy Charter
                - Local Policy Lab researchers secured to develop the evaluation plan for the OIEP
                """, """
                - Refresh the Economic Strategy delivery plan for 2025/26
                - Hold an HR Network event on employing veterans and military families
                """, "None.", "Ask OSP members to sign the Oxfordshire Inclusive Economy Charter and promote it through their networks."),
        ],
    };

    public static SubGroupInput StrongerCommunities() => new()
    {
        Name = "Stronger Communities",
        Updates =
        [
            SeedUpdates.Scanned(1),
            SeedUpdates.Pdf(2),
            Update(3, """
                Community Insight Profiles completed for Barton, Rose Hill and Littlemore, with focus groups in each area.
                £25k of grants awarded to community groups to act on the profiles' recommendations.
                """, "Complete the profiles for Wood Farm and the City Centre.", "The sub-group has not met since its supporting officer left; its terms of reference are being reviewed."),
            Update(4, """
                • You Move funding confirmed, extending the project into early years support
                • Blackbird Leys Larder moved to the Oxford Hub
                """, "Agree the sub-group's future purpose alongside the Community Services review.",
                "The sub-group has not met since its supporting officer left; its terms of reference are being reviewed.",
                "Continued support for the Stronger Communities focus on addressing inequalities."),
        ],
    };

    public static SubGroupInput ZeroCarbon() => new()
    {
        Name = "Zero Carbon Oxford Partnership",
        Updates =
        [
            Update(1, "- Won £265,000 from Local Industrial Decarbonisation Plans for an industry roadmap\n- Sprint groups on heat networks and fleet electrification met monthly",
                "- Appoint consultants for the industrial roadmap"),
            Update(2, "- Consultants appointed for the industrial roadmap; BMW, Unipart and Oxfordshire Greentech on the steering panel",
                "- Draft industrial roadmap by December 2024"),
            Update(3, "- Draft industrial roadmap shared with partners for comment",
                "- Review the Action Plan roadmap ahead of its 2025 review date", "Partner capacity to lead sprint groups is stretched."),
            Update(4, "- Industrial roadmap and action plan published\n- Agreed to widen ZCOP into an Oxfordshire partnership from 2025",
                "- Recruit county-wide members\n- Review the Action Plan roadmap ahead of its 2025 review date", "None.",
                "OSP members to nominate contacts for the county-wide partnership."),
        ],
    };

    public static SubGroupInput SaferCommunities() => new()
    {
        Name = "Safer Communities",
        Updates =
        [
            Update(1, "OSCP Board agreed its 2024/25 priorities:\nserious and organised crime, including county drug lines\nviolence against women and girls\nanti-social behaviour",
                "Publish the rolling plan for 2024/25."),
            Update(2, "Rolling plan 2024/25 published.\nCity centre night-time economy patrols extended through the summer.", "Run the autumn student safety campaign."),
            Update(3, "Student safety campaign delivered with both universities.", "Review neighbourhood crime hotspots with Thames Valley Police."),
            Update(4, "Neighbourhood crime hotspot review completed; burglary down in three wards.", "Agree the 2025/26 priorities at the June Board."),
        ],
    };

    public static readonly IReadOnlyList<MembershipRow> Membership =
    [
        new("Paul James (Chair)", "Chief Executive", "River Learning Trust"),
        new("Cllr Susan Brown", "Leader", "Oxford City Council"),
        new("Caroline Green", "Chief Executive", "Oxford City Council"),
        new("Jeremy Long", "Chair", "OxLEP"),
        new("", "Larger Business Representative", null, IsVacant: true),
        new("Lucy Cherry", "Policy and Partnerships Officer", "Oxford City Council"),
    ];
}
