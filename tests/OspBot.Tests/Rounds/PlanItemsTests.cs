using OspBot.Rounds;

namespace OspBot.Tests.Rounds;

public sealed class PlanItemsTests
{
    [Fact]
    public void Typed_lines_and_bullets_are_one_item_each()
    {
        Assert.Equal(["Hire a coordinator", "Run the MECC training", "Review the plan"],
            PlanItems.Split("Hire a coordinator\nRun the MECC training\r\nReview the plan\n"));
        Assert.Equal(["one", "two", "three"], PlanItems.Split("- one\n• two\n* three"));
        Assert.Equal(["Build the café 🌱", "Open it"], PlanItems.Split("1. Build the café 🌱\n2) Open it"));
        Assert.Empty(PlanItems.Split("  \n "));
        Assert.Empty(PlanItems.Split(null));
    }

    [Fact]
    public void Hard_wrapped_pdf_text_is_joined_back_into_its_items()
    {
        var items = PlanItems.Split(SeedUpdates.Read(SeedUpdates.Mid2019).Plans);

        Assert.Equal(7, items.Count);
        Assert.StartsWith("The group will look to support the OSP Steering Group Inclusive Growth work", items[0], StringComparison.Ordinal);
        Assert.Equal(
            "Asset mapping to inform LEP of what is already available to be built upon in these areas e.g. employment and skills "
            + "opportunities Engaging with the DWP work with employers to support people finding work difficult to access – "
            + "supporting “inclusive employers” who take on those who may be hard to place.",
            items[1]);
        Assert.StartsWith("Engaging with OSCA and the rural network", items[3], StringComparison.Ordinal);
        Assert.EndsWith("There could be a role for Parish Councils to also become involved.", items[3], StringComparison.Ordinal);
        Assert.StartsWith("Potential to advocate for investment", items[4], StringComparison.Ordinal);
        Assert.StartsWith("The group will meet in August", items[5], StringComparison.Ordinal);
        Assert.StartsWith("It is expected that there will be on going work", items[6], StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanned_paragraph_is_one_item_and_a_word_broken_at_a_hyphen_is_rejoined()
    {
        var items = PlanItems.Split(SeedUpdates.Read(SeedUpdates.Early2019Ocr).Plans);
        var item = Assert.Single(items);
        Assert.Contains("the next sub group meeting in Feb/March. Potential priorities", item, StringComparison.Ordinal);

        Assert.Equal(["The aim of the sub-group is to bring partners together to improve those outcomes."],
            PlanItems.Split("The aim of the sub-\ngroup is to bring partners together to improve those outcomes."));
        // OCR reads a round bullet as "e".
        Assert.Equal(["Continued support", "Continuing to encourage partners"], PlanItems.Split("e Continued support\n\ne Continuing to encourage partners"));
    }
}
