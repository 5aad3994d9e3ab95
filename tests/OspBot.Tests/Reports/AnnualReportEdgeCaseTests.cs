using OspBot.Reports;

namespace OspBot.Tests.Reports;

public sealed class AnnualReportEdgeCaseTests
{
    private static AnnualReportInput Year(params SubGroupInput[] groups) => ReportInputs.FullYear() with { SubGroups = groups };

    [Fact]
    public void Missing_quarters_are_named_by_sub_group_and_quarter()
    {
        var ed = ReportInputs.EconomicDevelopment();
        var input = Year(ed with { Updates = [.. ed.Updates.Where(u => u.Quarter is 1 or 3)] }, ReportInputs.SaferCommunities());

        Assert.Equal([new MissingUpdate("Economic Development", 2), new MissingUpdate("Economic Development", 4)], input.MissingUpdates);
        using var doc = new DocxReader(AnnualReportCompiler.Compile(input));

        Assert.Empty(doc.ValidationErrors());
        var activity = AnnualReportDocxTests.Section(doc, "Activity and achievements over last 12 months");
        Assert.Contains("No update was received from the Economic Development sub-group for Q2 (July to September 2024) and Q4 (January to March 2025).", activity);
        Assert.Contains(AnnualReportDocxTests.Section(doc, "Introduction and background"),
            p => p.EndsWith("Updates not received when it was compiled: Economic Development (Q2, Q4).", StringComparison.Ordinal));
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
        Assert.Contains("The directory held no steering group members at the year's end.", text, StringComparison.Ordinal);
        Assert.Contains("No sub-group reported challenges or blocks to progress during 2024/25.", text, StringComparison.Ordinal);

        var silent = Year(ReportInputs.EconomicDevelopment() with { Updates = [] }, ReportInputs.ZeroCarbon() with { Updates = [] });
        using var silentDoc = new DocxReader(AnnualReportCompiler.Compile(silent));
        Assert.Empty(silentDoc.ValidationErrors());
        var silentText = silentDoc.AllText();
        Assert.Contains("No sub-group submitted a quarterly update for 2024/25, so there is no activity to report from them.", silentText, StringComparison.Ordinal);
        Assert.Contains("No updates were received from the Zero Carbon Oxford Partnership sub-group for 2024/25.", silentText, StringComparison.Ordinal);
        Assert.Contains("Updates not received when it was compiled: Economic Development (Q1, Q2, Q3, Q4); Zero Carbon Oxford Partnership (Q1, Q2, Q3, Q4).", silentText, StringComparison.Ordinal);
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
        Assert.Contains("The Health Inequalities sub-group was set up during the year and has reported since Q3 (October to December 2024).", activity);
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
        Assert.Contains($"{longText} (Q1)", doc.Paragraphs().Select(p => p.Text));
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
        Assert.Contains($"{Specials} (Q1)", paragraphs);
        Assert.Contains($"{Emoji} (Q1)", paragraphs);
        Assert.Contains($"{Arabic} (Q1)", paragraphs);
        Assert.Contains($"{Hebrew} (Q1)", paragraphs);
        // Tabs become spaces and control characters go (XML cannot hold them); the words on either side stay.
        Assert.Contains("Column one column two (Q1)", paragraphs);
        Assert.Contains("Next: ]]>", paragraphs);
        Assert.Contains("Safer <Communities> & Co sub-group", doc.Headings(DocxStyles.Heading2));
        // A deliberate short line break stays a break (read back as "\n"); a blank line starts a new item.
        Assert.Contains("Line one\nline two (Safer <Communities> & Co, Q1)", paragraphs);
        Assert.Contains("second paragraph (Safer <Communities> & Co, Q1)", paragraphs);

        var md = MarkdownReportWriter.Write(model);
        Assert.Contains(@"Budget \<£8,320\> \& ""reserves"" \]\]\> \<w:t\>not markup\</w:t\> \&amp;", md, StringComparison.Ordinal);
        Assert.Contains(Emoji, md, StringComparison.Ordinal);
        Assert.Contains(Arabic, md, StringComparison.Ordinal);
        Assert.Contains("### Safer \\<Communities\\> \\& Co", md, StringComparison.Ordinal);
    }
}
