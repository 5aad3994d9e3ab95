using OspBot.Reports;
using OspBot.Reports.Drafting;
using OspBot.Tests.Seeds;

namespace OspBot.Tests.Reports;

/// The real Stronger Communities updates as quarterly inputs to the report (read and cut by <see cref="SeedTexts"/>).
internal static class SeedUpdates
{
    /// The mid-2019 update, PDF text.
    public static QuarterlyUpdate Pdf(int quarter) => Quarterly(SeedTexts.Mid2019, quarter);

    /// The early-2019 update, scanned (OCR) text.
    public static QuarterlyUpdate Scanned(int quarter) => Quarterly(SeedTexts.Early2019Ocr, quarter);

    /// A seed document's whole text, e.g. the council report.
    public static string Read(string name) => SeedTexts.Read(name);

    private static QuarterlyUpdate Quarterly(string file, int quarter)
    {
        var seed = SeedTexts.Sections(file);
        return new QuarterlyUpdate
        {
            Quarter = quarter,
            SubmittedBy = "Sam Okafor",
            Version = 1,
            SubmittedAt = ReportInputs.Submitted(quarter),
            Achievements = seed.Achievements,
            Plans = seed.Plans,
            Challenges = seed.Challenges,
            Requests = seed.Requests,
            Rag = RagStatus.Green,
        };
    }
}
