namespace OspBot.Tests.Schemas;

public sealed class AdaptiveCardSchemaTests
{
    private const string Valid = """
        {"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json",
         "body":[{"type":"TextBlock","text":"Hello","wrap":true},
                 {"type":"Input.Text","id":"achievements","label":"Achievements","isMultiline":true,"maxLength":4000}],
         "actions":[{"type":"Action.Execute","verb":"save","fallback":{"type":"Action.Submit","data":{"verb":"save"}}}],
         "msteams":{"width":"Full"}}
        """;

    [Fact]
    public void A_well_formed_card_with_teams_width_passes() =>
        Assert.Empty(AdaptiveCardSchema.Validate(Valid));

    [Fact]
    public void An_unknown_element_type_fails() =>
        AssertFails("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Marquee","text":"x"}]}""", "body[0]");

    [Fact]
    public void A_text_block_without_text_fails() =>
        AssertFails("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","wrap":true}]}""", "PropertyRequired");

    [Fact]
    public void An_input_without_id_fails() =>
        AssertFails("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","label":"x"}]}""", "PropertyRequired");

    [Fact]
    public void A_misspelled_property_fails() =>
        AssertFails("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""", "NoAdditionalPropertiesAllowed");

    [Fact]
    public void A_numeric_version_fails_in_the_schema_itself() =>
        AssertFails("""{"type":"AdaptiveCard","version":1.5,"body":[]}""", "StringExpected");

    [Fact]
    public void An_unknown_action_type_fails() =>
        AssertFails("""{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Popup","title":"x"}]}""", "actions[0]");

    [Fact]
    public void A_refresh_action_other_than_execute_fails() =>
        AssertFails("""{"type":"AdaptiveCard","version":"1.5","refresh":{"action":{"type":"Action.Submit"}}}""", "refresh");

    [Fact]
    public void An_empty_object_fails_on_type_and_version() =>
        AssertFails("{}", "type:", "version:");

    [Fact]
    public void A_version_newer_than_Teams_renders_fails() =>
        AssertFails("""{"type":"AdaptiveCard","version":"1.6","body":[]}""", "version:");

    [Fact]
    public void An_unknown_msteams_property_fails() =>
        AssertFails("""{"type":"AdaptiveCard","version":"1.5","msteams":{"wide":true}}""", "msteams.wide");

    [Fact]
    public void A_card_over_the_Teams_size_limit_fails()
    {
        var text = new string('x', AdaptiveCardSchema.MaxBytes);
        AssertFails($$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"{{text}}"}]}""", "Teams limit");
    }

    [Fact]
    public void AssertValid_reports_every_error_as_a_test_failure()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"}]}""");
        var failure = Assert.ThrowsAny<Exception>(() => AdaptiveCardSchema.AssertValid(doc.RootElement));
        Assert.Contains("PropertyRequired", failure.Message, StringComparison.Ordinal);
    }

    private static void AssertFails(string json, params string[] expected)
    {
        var errors = AdaptiveCardSchema.Validate(json);
        var all = string.Join("\n", errors);
        foreach (var fragment in expected)
        {
            Assert.Contains(fragment, all, StringComparison.Ordinal);
        }
    }
}
