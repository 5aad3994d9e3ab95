using OspBot.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Tests.Reports;

public sealed class AnnualReportEdgeCaseTests
{
    private static AnnualReportInput Year(params SubGroupInput[] groups) => ReportInputs.FullYear() with { SubGroups = groups };

    [Fact]
    public void Missing_quarters_are_named_in_the_sub_groups_paragraph_and_in_a_note_for_the_officer()
    {
        var ed = ReportInputs.EconomicDevelopment();
        var input = Year(ed with { Updates = [.. ed.Updates.Where(u => u.Quarter is 1 or 3)] }, ReportInputs.SaferCommunities());

        Assert.Equal([new MissingUpdate("Economic Development", 2), new MissingUpdate("Economic Development", 4)], input.MissingUpdates);
        var model = AnnualReportCompiler.Compile(input);
        using var doc = new DocxReader(model);

        Assert.Empty(doc.ValidationErrors());
        var activity = AnnualReportDocxTests.Section(doc, "Activity and achievements over last 12 months");
        Assert.Contains(activity, p => p.StartsWith("The Economic Development sub-group reported in Q1 and Q3 but not in Q2 or Q4; its status was green, amber in Q3 because", StringComparison.Ordinal));
        var note = model.Sections.Single(s => s.Heading == "Activity and achievements over last 12 months").Comment;
        Assert.Equal("Compiled from 6 quarterly updates from 2 sub-groups for 2024/25. Not received when compiled: Economic Development (Q2, Q4).", note);
        Assert.Contains(doc.Comments(), c => c.Text == note);
    }

    [Fact]
    public void Counts_are_singular_when_there_is_one()
    {
        var input = Year(ReportInputs.SaferCommunities() with { Updates = [ReportInputs.SaferCommunities().Updates[0]] }) with
        {
            CompiledAt = new(2024, 7, 20, 9, 0, 0, TimeSpan.Zero),
        };
        var note = AnnualReportCompiler.Compile(input).Sections.Single(s => s.Heading == "Activity and achievements over last 12 months").Comment;

        Assert.Equal("Compiled from 1 quarterly update from 1 sub-group for 2024/25. Every expected update was received.", note);
    }

    [Fact]
    public void Quarters_not_yet_ended_when_compiled_are_not_missing()
    {
        var input = Year(ReportInputs.SaferCommunities() with { Updates = [] }) with { CompiledAt = new(2024, 11, 1, 9, 0, 0, TimeSpan.Zero) };

        Assert.Equal([new MissingUpdate("Safer Communities", 1), new MissingUpdate("Safer Communities", 2)], input.MissingUpdates);
    }

    [Fact]
    public void An_empty_year_still_compiles_and_says_there_was_nothing()
    {
        var input = new AnnualReportInput { FinancialYear = 2024, CompiledAt = ReportInputs.CompiledAt, Profile = ReportProfile.Sample() };
        var model = AnnualReportCompiler.Compile(input);
        using var doc = new DocxReader(model);

        Assert.Empty(doc.ValidationErrors());
        Assert.Equal(15, doc.Headings(DocxStyles.Heading1).Count);
        var text = doc.AllText();
        Assert.Contains("No sub-groups were recorded for 2024/25.", text, StringComparison.Ordinal);
        Assert.Contains("The directory held no steering group members in June 2025.", text, StringComparison.Ordinal);
        Assert.Contains("To be confirmed", text, StringComparison.Ordinal);

        var silent = Year(ReportInputs.EconomicDevelopment() with { Updates = [] }, ReportInputs.ZeroCarbon() with { Updates = [] });
        var silentModel = AnnualReportCompiler.Compile(silent);
        using var silentDoc = new DocxReader(silentModel);
        Assert.Empty(silentDoc.ValidationErrors());
        var silentText = silentDoc.AllText();
        Assert.Contains("The Zero Carbon Oxford Partnership sub-group did not report during 2024/25.", silentText, StringComparison.Ordinal);
        Assert.DoesNotContain("plans", AnnualReportDocxTests.Section(silentDoc, "Forward Planning").Skip(1).FirstOrDefault() ?? "", StringComparison.Ordinal);
        Assert.Equal(
            "Compiled from 0 quarterly updates from 0 sub-groups for 2024/25. Not received when compiled: Economic Development (Q1, Q2, Q3, Q4); Zero Carbon Oxford Partnership (Q1, Q2, Q3, Q4).",
            silentModel.Sections.Single(s => s.Heading == "Activity and achievements over last 12 months").Comment);
    }

    [Fact]
    public void A_sub_group_set_up_mid_year_is_expected_only_from_its_first_quarter()
    {
        var newcomer = new SubGroupInput
        {
            Name = "Health Inequalities",
            Description = "Set up in October 2024 to take forward the Well Together programme.",
            FirstQuarter = 3,
            Updates = [ReportInputs.Update(3, "- Terms of reference agreed", "- First workshop"), ReportInputs.Update(4, "- First workshop held", "- Map community health assets")],
        };
        var input = Year(ReportInputs.SaferCommunities(), newcomer);

        Assert.Empty(input.MissingUpdates);
        using var doc = new DocxReader(AnnualReportCompiler.Compile(input));
        Assert.Empty(doc.ValidationErrors());
        Assert.Contains("Health Inequalities sub-group", doc.Headings(DocxStyles.Heading2));
        var activity = AnnualReportDocxTests.Section(doc, "Activity and achievements over last 12 months");
        Assert.Contains("The Health Inequalities sub-group was set up during the year and reported in Q3 and Q4; its status was green throughout.", activity);
        // After the profile's four, in the order the input carries.
        Assert.Equal("Health Inequalities", doc.Headings(DocxStyles.Heading2)[^1]);
        Assert.Contains("Set up in October 2024 to take forward the Well Together programme.", AnnualReportDocxTests.Section(doc, "OSP Sub-Groups"));
    }

    [Fact]
    public void A_4000_character_section_survives_whole()
    {
        var sentence = "The partnership delivered the employment hub pilot with partners across Oxford and reported on outcomes. ";
        var longText = string.Concat(Enumerable.Repeat(sentence, 4000 / sentence.Length + 1))[..4000].Trim();
        var input = Year(ReportInputs.SaferCommunities() with { Updates = [ReportInputs.Update(1, longText, "Continue.")] });
        using var doc = new DocxReader(AnnualReportCompiler.Compile(input));

        Assert.Empty(doc.ValidationErrors());
        Assert.Contains(longText, doc.Paragraphs().Select(p => p.Text));
    }

    [Fact]
    public void Tabs_emoji_right_to_left_scripts_and_xml_specials_survive_exactly()
    {
        const string Specials = "Budget <£8,320> & \"reserves\" ]]> <w:t>not markup</w:t> &amp;";
        const string Emoji = "Youth hub opened 🎉 with families 👩‍👩‍👧 and 🏳️‍🌈 group";
        const string Arabic = "مرحبا بكم في الشراكة";
        const string Hebrew = "שלום לכולם בשותפות";
        var achievements = $"- {Specials}\n- {Emoji}\n- {Arabic}\n- {Hebrew}\n- Column one\tcolumn two\u0007\u0000";
        var input = Year(ReportInputs.SaferCommunities() with
        {
            Name = "Safer <Communities> & Co",
            Updates = [ReportInputs.Update(1, achievements, "Next: ]]>", challenges: "Line one\nline two\n\nsecond paragraph")],
        });
        var model = AnnualReportCompiler.Compile(input);
        using var doc = new DocxReader(model);

        Assert.Empty(doc.ValidationErrors());
        var paragraphs = doc.Paragraphs().Select(p => p.Text).ToList();
        Assert.Contains(Specials, paragraphs);
        Assert.Contains(Emoji, paragraphs);
        Assert.Contains(Arabic, paragraphs);
        Assert.Contains(Hebrew, paragraphs);
        // Tabs become spaces and control characters go (XML cannot hold them); the words on either side stay.
        Assert.Contains("Column one column two", paragraphs);
        Assert.Contains("Next: ]]>", paragraphs);
        Assert.Contains("Safer <Communities> & Co sub-group", doc.Headings(DocxStyles.Heading2));
        // Each line the lead typed is an item of its own, starting with a capital; nothing is lost. The sub-group
        // did not report again, so its first challenge is quoted as its last word and not listed twice.
        Assert.Contains(paragraphs, p => p.EndsWith("Its last update, for Q1, said: “Line one.”", StringComparison.Ordinal));
        Assert.Contains("Line two", paragraphs);
        Assert.Contains("Second paragraph", paragraphs);
        Assert.Contains(doc.Comments(), c => c.Text.StartsWith("Safer <Communities> & Co, Q1 2024/25", StringComparison.Ordinal));

        var md = MarkdownReportWriter.Write(model);
        Assert.Contains(@"Budget \<£8,320\> \& ""reserves"" \]\]\> \<w:t\>not markup\</w:t\> \&amp;", md, StringComparison.Ordinal);
        Assert.Contains(Emoji, md, StringComparison.Ordinal);
        Assert.Contains(Arabic, md, StringComparison.Ordinal);
        Assert.Contains("### Safer \\<Communities\\> \\& Co", md, StringComparison.Ordinal);
    }
}
