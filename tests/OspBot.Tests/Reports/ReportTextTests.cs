using OspBot.Common;
using OspBot.Reports;
using OspBot.Reports.Drafting;

namespace OspBot.Tests.Reports;

public sealed class ReportTextTests
{
    [Fact]
    public void Cleanup_drops_word_markers_and_control_characters_and_turns_tabs_into_spaces()
    {
        Assert.Equal("The OSPs aims are to;", PastedText.Clean("[bookmark: _Int_nXMPyYEd]The OSPs aims are to;"));
        Assert.Equal("ZCOP, brings", PastedText.Clean("ZCOP[footnoteRef:2], brings"));
        Assert.Equal("a b c\nd", PastedText.Clean("a\tb\u0001  c\r\nd\u200B\uFEFF"));
        Assert.Equal("x", PastedText.Clean("x\uD800"));
    }

    [Fact]
    public void On_save_only_symbol_font_and_ocr_bullets_change()
    {
        Assert.Equal("Areas:\r\n\r\n• The Leys \r\n  • Rose Hill", PastedText.NormaliseBullets("Areas:\r\n\r\n\uF0B7 The Leys \r\n  \uF0A7\tRose Hill"));
        Assert.Equal("• The Leys\nRose Hill\n• Continued support", PastedText.NormaliseBullets("e The Leys\nRose Hill\no Continued support"));
        // Typed text stays as typed: spaces, tabs, dashes, a word "e" or "o" in a sentence, a bullet already "•".
        const string typed = "  two  spaces\tand a tab\n- a dash item\nthe letter e Then\no no capital\n• kept";
        Assert.Equal(typed, PastedText.NormaliseBullets(typed));
        Assert.Null(PastedText.NormaliseBullets(null));
    }

    [Fact]
    public void Glyph_ocr_and_numbered_bullets_become_items()
    {
        Assert.Equal(["The Leys", "Rose Hill", "Littlemore"], Items("e The Leys\nRose Hill\nLittlemore"));
        Assert.Equal(["One", "Two", "Three", "Four", "Five", "Six"], Items("· one\n• two\n\uF0B7 three\n- four\n1. five\nb) six"));
        Assert.Equal(["Email me at e mail"], Items("email me at e mail"));
        // A glyph alone on its line: the text on the next line is its item.
        Assert.Equal(["Barton"], Items("\uF0B7\n\nBarton"));
    }

    [Fact]
    public void Wrapped_pdf_lines_are_rejoined_soft_hyphens_mended_and_split_urls_joined()
    {
        Assert.Equal(["The aim of the sub-group is to bring partners together to improve those outcomes and more."],
            Items("The aim of the sub-group is to bring partners together to improve those outcomes and more.".Replace("sub-group", "sub-\ngroup", StringComparison.Ordinal)));
        Assert.Equal(["A partnership of the voluntary and community sector across the city of Oxford and the county."],
            Items("A partnership of the voluntary and community sector across the city of Oxford and the commu-\nnity.".Replace("commu-\nnity", "coun-\nty", StringComparison.Ordinal)));
        Assert.Equal(["See http://www.example.org/uploads/2019/06/BARTON_HNT.pdf now"],
            Items("see http://www.example.org/uploads/2019/06/BARTON_\nHNT.pdf now"));
        Assert.Equal(["Rolling plan 2024/25 published.", "Patrols extended."], Items("Rolling plan 2024/25 published.\nPatrols extended."));
    }

    [Fact]
    public void A_long_line_typed_in_teams_is_not_taken_for_a_wrapped_one()
    {
        const string Long = "Supported ARCh – Assisted Reading for Children to obtain grant funding to enable the recruitment of a volunteer coordinator";
        Assert.Equal([Long, "Continued to refer charter signees"], Items($"{Long}\nContinued to refer charter signees"));
    }

    [Fact]
    public void A_url_line_repeating_one_the_text_gives_is_dropped()
    {
        var units = SourceLines.Read("Report at http://example.org/a.pdf. More.\n\nhttp://example.org/a.pdf\nhttp://example.org/b.pdf\nhttp://example.org/b.pdf");
        Assert.Equal(["Report at http://example.org/a.pdf. More.", "http://example.org/b.pdf"], units.Select(u => u.Text));
    }

    [Fact]
    public void Themes_nest_lead_ins_stay_prose_and_paragraphs_stay_whole()
    {
        var segments = SectionParser.Parse("""
            Delivery this year was strong across the partnership, and the board thanks all partners for their time. The areas we focused on are;
            • Housing
            • Transport
            Inclusive Employment:
            Supporting Prison Leavers into Employment;
            • Employers' day at Bullingdon Prison
            Supporting Refugees into Employment;
            • Second HR Network seminar
            Social Value and Procurement:
            • Anchor sub-group met
            """);

        Assert.Collection(segments,
            s => Assert.Equal(["Housing", "Transport"], Assert.IsType<LeadInSegment>(s).Items),
            s => Assert.Empty(Assert.IsType<ThemeSegment>(s).Items),
            s => Assert.Equal(["Inclusive Employment", "Supporting Prison Leavers into Employment"], Assert.IsType<ThemeSegment>(s).Path),
            s => Assert.Equal(["Inclusive Employment", "Supporting Refugees into Employment"], Assert.IsType<ThemeSegment>(s).Path),
            s => Assert.Equal(["Social Value and Procurement"], Assert.IsType<ThemeSegment>(s).Path));
        Assert.EndsWith("The areas we focused on are;", ((LeadInSegment)segments[0]).Text, StringComparison.Ordinal);
    }

    /// Every piece of a section, as text, in order.
    private static List<string> Items(string text) =>
        [.. SectionParser.Parse(text).SelectMany(s => s switch
        {
            ProseSegment p => [p.Text],
            LeadInSegment l => l.Items.Prepend(l.Text),
            ThemeSegment t => t.Items,
            ListSegment l => l.Items,
            _ => [],
        })];
}
