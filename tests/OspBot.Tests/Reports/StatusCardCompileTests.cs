using System.Text.Json.Nodes;
using OspBot.Tests.Rounds;
using OspBot.Tests.Schemas;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Reports;

public sealed class StatusCardCompileTests
{
    [Fact]
    public async Task The_status_card_offers_compiling_the_last_complete_year_and_the_button_starts_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.OpenRoundAsync(ct);

        var status = Assert.Single(await wire.SayAsync(Sec, "status", ct));
        Assert.True(CardData.Has(status, "reports.compile"));
        var progress = await wire.ExecuteAsync(Sec, "reports.compile", new JsonObject(), ct);

        AdaptiveCardSchema.AssertValid(progress);
        // The wire's clock stands in October 2026: the last complete financial year is 2025/26.
        Assert.Contains("Compiling the 2025/26 annual report", progress.GetRawText(), StringComparison.Ordinal);
    }
}
