using System.Globalization;
using System.Resources;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OspBot.Reports.Drafting;

/// The fixed wording of the annual report, edited by the secretariat once a year (JSON); updates supply the rest.
/// Lists of strings are paragraphs: each becomes one numbered paragraph of the report.
internal sealed record ReportProfile
{
    public string Title { get; init; } = "The Oxford Strategic Partnership";

    public required CoverFields Cover { get; init; }

    public IReadOnlyList<string> Introduction { get; init; } = [];

    public IReadOnlyList<string> Vision { get; init; } = [];

    public string AimsIntro { get; init; } = "";

    public IReadOnlyList<string> Aims { get; init; } = [];

    public IReadOnlyList<string> SteeringGroup { get; init; } = [];

    public string SubGroupsIntro { get; init; } = "";

    /// Standing descriptions by sub-group name (matched ignoring case); a sub-group without one uses its own.
    public IReadOnlyList<SubGroupProfile> SubGroups { get; init; } = [];

    public string OtherActivitiesIntro { get; init; } = "";

    public IReadOnlyList<string> OtherActivities { get; init; } = [];

    public string ForwardPlanningIntro { get; init; } = "";

    public IReadOnlyList<string> ForwardPlanning { get; init; } = [];

    /// Paragraphs on financial implications; "{budget}" and "{budgetYear}" in them become <see cref="Budget"/>
    /// ("£8,320") and <see cref="BudgetYear"/>.
    public IReadOnlyList<string> Financial { get; init; } = [];

    /// The OSP's assigned budget in pounds; null until the secretariat sets it.
    public decimal? Budget { get; init; }

    /// The financial year the budget is for ("2025/26").
    public string BudgetYear { get; init; } = "";

    public IReadOnlyList<string> Legal { get; init; } = [];

    public IReadOnlyList<string> Risk { get; init; } = [];

    public IReadOnlyList<string> Equalities { get; init; } = [];

    public IReadOnlyList<string> Conclusion { get; init; } = [];

    public string MembershipTitle { get; init; } = "Oxford Strategic Partnership membership";

    public string Appendix2Title { get; init; } = "";

    public string Appendix2Intro { get; init; } = "";

    public IReadOnlyList<string> Appendix2Items { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static ReportProfile Load(Stream json) =>
        JsonSerializer.Deserialize<ReportProfile>(json, Json) ?? throw new JsonException("The report profile is empty.");

    public static ReportProfile Load(string json) =>
        JsonSerializer.Deserialize<ReportProfile>(json, Json) ?? throw new JsonException("The report profile is empty.");

    /// The profile as JSON that <see cref="Load(string)"/> reads back (how the database keeps each version).
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// The sample shipped in the assembly (report-profile.sample.json, embedded through ReportProfileSample.resx):
    /// a starting point the secretariat copies and edits for each year.
    public static ReportProfile Sample() => Load(SampleJson());

    public static string SampleJson() =>
        new ResourceManager("OspBot.Reports.ReportProfileSample", typeof(ReportProfile).Assembly)
            .GetString("Sample", CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException("The sample report profile is missing from OspBot.Core.");
}

/// The summary table at the top of a council report.
internal sealed record CoverFields
{
    public string To { get; init; } = "Council";

    /// The Council meeting that receives the report (the cover's Date); null until the secretariat sets it.
    public DateOnly? CouncilMeetingDate { get; init; }

    public string ReportOf { get; init; } = "";

    public string TitleOfReport { get; init; } = "The Oxford Strategic Partnership";

    public string Purpose { get; init; } = "";

    public string KeyDecision { get; init; } = "No";

    /// The Cabinet Member's name ("Councillor Susan Brown"), printed before <see cref="CabinetMember"/>.
    public string CabinetMemberName { get; init; } = "";

    /// The Cabinet Member's portfolio ("Leader of the Council and Cabinet Member for Partnership Working").
    public string CabinetMember { get; init; } = "";

    public string CorporatePriority { get; init; } = "";

    public string PolicyFramework { get; init; } = "";

    public string RecommendationsIntro { get; init; } = "That the Committee resolves to:";

    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// Appendix titles for the cover; "{asAt}" is replaced by the membership date ("March 2025").
    public IReadOnlyList<string> Appendices { get; init; } = [];
}

/// A sub-group's standing description and, for the year, the secretariat's note on it (why it did not report,
/// say), which the report gives in the sub-group's part.
internal sealed record SubGroupProfile(string Name, IReadOnlyList<string> Description, string? Note = null);
