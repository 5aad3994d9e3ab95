using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Commands;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Manifest;

public sealed class ManifestTests
{
    [Fact]
    public void Filled_template_is_valid_against_the_v1_22_schema() =>
        TeamsManifestSchema.AssertValid(ManifestFiles.Filled());

    [Fact]
    public void Template_uses_exactly_the_placeholders_the_package_build_fills() =>
        Assert.Equal(
            ManifestFiles.Placeholders.Keys.Order(),
            ManifestFiles.PlaceholdersIn(ManifestFiles.Template()).Distinct().Order());

    [Fact]
    public void Unfilled_template_fails_validation_on_the_ids() =>
        Assert.Contains(TeamsManifestSchema.Validate(ManifestFiles.Template()), e => e.Contains("PatternMismatch at #/id", StringComparison.Ordinal));

    [Fact]
    public void A_wrong_manifest_version_or_missing_developer_fails()
    {
        var broken = ManifestFiles.Filled().Replace("\"manifestVersion\": \"1.22\"", "\"manifestVersion\": \"1.21\"", StringComparison.Ordinal);
        Assert.Contains(TeamsManifestSchema.Validate(broken), e => e.StartsWith("manifestVersion", StringComparison.Ordinal));

        using var doc = JsonDocument.Parse(ManifestFiles.Filled());
        var withoutDeveloper = JsonSerializer.Serialize(doc.RootElement.EnumerateObject()
            .Where(p => p.Name != "developer").ToDictionary(p => p.Name, p => p.Value));
        Assert.Contains(TeamsManifestSchema.Validate(withoutDeveloper), e => e.Contains("PropertyRequired at #/developer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("personal", CommandScopes.Personal)]
    [InlineData("team", CommandScopes.Team)]
    internal async Task Command_lists_are_the_ones_the_command_table_offers(string scope, CommandScopes flag)
    {
        await using var app = new OspBotApp();
        var table = app.Services.GetRequiredService<CommandTable>();
        var list = Assert.Single(Bot().GetProperty("commandLists").EnumerateArray(), l => l.GetProperty("scopes").EnumerateArray().Any(s => s.GetString() == scope));
        var expected = ManifestCommands.For(table, flag);

        // On a difference, the message shows the list to put in manifest/manifest.json.
        Assert.True(expected.Count <= 10, "Teams shows at most 10 commands per list.");
        Assert.Equal(
            expected,
            [.. list.GetProperty("commands").EnumerateArray().Select(c => (c.GetProperty("title").GetString()!, c.GetProperty("description").GetString()!))]);
    }

    [Fact]
    public void Bot_is_offered_in_personal_and_team_scopes_only() =>
        Assert.Equal(["personal", "team"], Bot().GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

    [Fact]
    public void Color_icon_is_192_square_and_opaque()
    {
        var icon = PngImage.Read(ManifestFiles.Icon("color.png"));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(Enumerable.Range(0, 192 * 192), i => Assert.Equal(255, icon.Rgba[i * 4 + 3]));
    }

    [Fact]
    public void Outline_icon_is_32_square_white_on_transparent()
    {
        var icon = PngImage.Read(ManifestFiles.Icon("outline.png"));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        var pixels = Enumerable.Range(0, 32 * 32).Select(i => icon.Pixel(i % 32, i / 32)).ToList();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither white nor transparent"));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    private static JsonElement Bot()
    {
        using var doc = JsonDocument.Parse(ManifestFiles.Filled());
        return Assert.Single(doc.RootElement.GetProperty("bots").EnumerateArray()).Clone();
    }
}
