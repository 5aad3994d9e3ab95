using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OspBot.Reports;

/// The styles and numbering definitions of the report: real Word styles so the document's outline, navigation
/// pane and restyling work, and list numbering Word maintains itself.
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string ListBullet = "ListBullet";
    public const string ListHeading = "ListHeading";
    public const string NumberedParagraph = "NumberedParagraph";
    public const string TableGrid = "TableGrid";

    /// One list for every numbered paragraph, so numbers run on across headings ("%1.").
    public const int ParagraphNumbering = 1;
    public const int BulletNumbering = 2;

    private const string Font = "Arial";

    public static void AddTo(MainDocumentPart main)
    {
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle("Normal", "Normal", null, isDefault: true),
        ParagraphStyle(Title, "Title", new StyleRunProperties(new Bold(), new FontSize { Val = "36" }),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "240" })),
        ParagraphStyle(Heading1, "heading 1", new StyleRunProperties(new Bold(), new FontSize { Val = "28" }),
            new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 })),
        ParagraphStyle(Heading2, "heading 2", new StyleRunProperties(new Bold(), new FontSize { Val = "24" }),
            new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 1 })),
        ParagraphStyle(NumberedParagraph, "Numbered Paragraph", null,
            new StyleParagraphProperties(new Indentation { Left = "567", Hanging = "567" })),
        ParagraphStyle(ListBullet, "List Bullet", null,
            new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "1134", Hanging = "567" })),
        // A theme over a list ("Educational Attainment:"), at the numbered paragraphs' text indent, kept with its list.
        ParagraphStyle(ListHeading, "List Heading", new StyleRunProperties(new Bold()),
            new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "120", After = "60" }, new Indentation { Left = "567" })),
        new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" })))
        { Type = StyleValues.Table, StyleId = TableGrid });

    private static Style ParagraphStyle(string id, string name, StyleRunProperties? run, StyleParagraphProperties? paragraph = null, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = OnOffValue.FromBoolean(true);
        }
        else
        {
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle());
        }
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }
        if (run is not null)
        {
            style.Append(run);
        }
        return style;
    }

    private static Numbering Numbering() => new(
        List(ParagraphNumbering, NumberFormatValues.Decimal, "%1.", left: 567),
        List(BulletNumbering, NumberFormatValues.Bullet, "•", left: 1134),
        new NumberingInstance(new AbstractNumId { Val = ParagraphNumbering }) { NumberID = ParagraphNumbering },
        new NumberingInstance(new AbstractNumId { Val = BulletNumbering }) { NumberID = BulletNumbering });

    private static AbstractNum List(int id, NumberFormatValues format, string text, int left) => new(
        new MultiLevelType { Val = MultiLevelValues.SingleLevel },
        new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = format },
            new LevelText { Val = text },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = left.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "567" }),
            new NumberingSymbolRunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font }))
        { LevelIndex = 0 })
    { AbstractNumberId = id };
}
