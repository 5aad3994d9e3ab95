using OspBot.Reports;

namespace OspBot.Tests.Reports;

public sealed class ReportTextTests
{
    [Fact]
    public void Cleanup_drops_word_markers_and_control_characters_and_turns_tabs_into_spaces()
    {
        Assert.Equal("The OSPs aims are to;", ReportText.Clean("[bookmark: _Int_nXMPyYEd]The OSPs aims are to;"));
        Assert.Equal("ZCOP, brings", ReportText.Clean("ZCOP[footnoteRef:2], brings"));
        Assert.Equal("a b c\nd", ReportText.Clean("a\tb\u0001  c\r\nd\u200B\uFEFF"));
        Assert.Equal("x", ReportText.Clean("x\uD800"));
    }

    [Fact]
    public void Glyph_and_ocr_bullets_become_items()
    {
        Assert.Equal(["The Leys", "Rose Hill", "Littlemore"], ReportText.Items("e The Leys\nRose Hill\nLittlemore"));
        Assert.Equal(["one", "two", "three", "four"], ReportText.Items("· one\n• two\n\uF0B7 three\n- four"));
        Assert.Equal(["email me at e mail"], ReportText.Items("email me at e mail"));
    }

    [Fact]
    public void Wrapped_pdf_lines_are_rejoined_but_deliberate_breaks_stay()
    {
        Assert.Equal(["The aim of the sub-group is to bring partners together to improve those outcomes and more."],
            ReportText.Items("The aim of the sub-group is to bring partners together to improve those outcomes and more.".Replace("sub-group", "sub-\ngroup", StringComparison.Ordinal)));
        Assert.Equal(["Rolling plan 2024/25 published.\nPatrols extended."], ReportText.Items("Rolling plan 2024/25 published.\nPatrols extended."));
        Assert.Equal(["see http://www.example.org/uploads/2019/06/BARTON_HNT.pdf now"],
            ReportText.Items("see http://www.example.org/uploads/2019/06/BARTON_\nHNT.pdf now"));
        Assert.Equal(["Well-\nBeing"], ReportText.Items("Well-\nBeing"));
    }

    [Fact]
    public void Duplicates_merge_by_normalised_text_or_close_wording_and_keep_every_source()
    {
        var merged = ItemMerger.Merge(
        [
            ("The Blackbird Leys Larder moved to the Oxford Hub", "Q1"),
            ("Met in May.", "Q1"),
            ("the blackbird leys larder moved to the Oxford Hub!", "Q2"),
            ("Met in June.", "Q2"),
            ("The Blackbird Leys Larder successfully moved to the Oxford Hub", "Q3"),
            ("🎉", "Q3"),
            ("🎉", "Q4"),
        ]);

        Assert.Equal(
            [
                new("The Blackbird Leys Larder successfully moved to the Oxford Hub", ["Q1", "Q2", "Q3"]),
                new("Met in May.", ["Q1"]),
                new("Met in June.", ["Q2"]),
                new MergedItem("🎉", ["Q3", "Q4"]),
            ],
            merged.Select(m => m with { Sources = [.. m.Sources] }),
            new MergedItemComparer());
    }

    private sealed class MergedItemComparer : IEqualityComparer<MergedItem>
    {
        public bool Equals(MergedItem? x, MergedItem? y) => x?.Text == y?.Text && x!.Sources.SequenceEqual(y!.Sources);

        public int GetHashCode(MergedItem obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
