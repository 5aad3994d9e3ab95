using OspBot.Reports;
using OspBot.Reports.Drafting;
using OspBot.Rounds;
using OspBot.Tests.Cards;

namespace OspBot.Tests.Reports;

public sealed class AnnualReportRobustnessTests
{
    // Fragments real updates are made of, and the ones that break naive parsers: bullets alone, colons alone,
    // OCR bullets, split URLs, soft hyphens, XML specials, control characters, emoji.
    private static readonly string[] Fragments =
    [
        ":", ";", "-", "•", "e ", "o ", "1.", "a)", "http://x.org/a_", "b.pdf", "\n", "\n\n", " ", "Word", "word", "–", "\uF0B7",
        "(", ")", "…", "The", "are;", "included:", "Q3", "2024/25", "£", "&amp;", "]]>", "\u0000", "\t", "sub-", "group", "🎉", ".", "A",
    ];

    [Fact]
    public void Any_text_in_any_field_compiles_to_a_valid_document_and_markdown()
    {
        var random = new Random(7);
        var nasty = NastyText.All.Select(r => r.Data).ToList();
        string Text() => random.Next(4) == 0
            ? nasty[random.Next(nasty.Count)]
            : string.Concat(Enumerable.Range(0, random.Next(60)).Select(_ => Fragments[random.Next(Fragments.Length)]));
        for (var n = 0; n < 40; n++)
        {
            var input = ReportInputs.FullYear() with
            {
                SubGroups = [.. Enumerable.Range(0, 3).Select(g => new SubGroupInput
                {
                    Name = g == 0 && Text() is { Length: > 0 } name ? name : $"Group {g}",
                    Updates = [.. Enumerable.Range(1, 4).Where(_ => random.Next(3) > 0).Select(q => new QuarterlyUpdate
                    {
                        Quarter = q,
                        SubmittedBy = Text(),
                        ApprovedBy = random.Next(2) == 0 ? Text() : null,
                        Achievements = Text(),
                        Plans = Text(),
                        Challenges = Text(),
                        Requests = Text(),
                        Rag = (RagStatus)random.Next(4),
                        RagReason = Text(),
                        PlanReviews = [new(Text(), (PlanStatus)random.Next(4))],
                    })],
                })],
                SteeringGroupMeetings = [new(new DateOnly(2024, 9, 1), Text(), Text())],
                Membership = [new(Text(), Text(), Text(), random.Next(2) == 0, random.Next(2) == 0)],
            };

            var model = AnnualReportCompiler.Compile(input);

            using var doc = new DocxReader(model);
            Assert.Empty(doc.ValidationErrors());
            Assert.NotEmpty(MarkdownReportWriter.Write(model));
        }
    }
}
