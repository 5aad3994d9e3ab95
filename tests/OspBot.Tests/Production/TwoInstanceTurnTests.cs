using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Tests.Data;
using OspBot.Tests.Fakes;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Production;

/// Issue 6: two instances behind one endpoint (two apps on one PostgreSQL database, one fake Teams): a repeated
/// activity is answered once whichever instance gets each delivery, and what one instance stores the other shows.
[Collection(PostgresTests.Name)]
public sealed class TwoInstanceTurnTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_same_message_delivered_to_both_instances_at_once_is_answered_once()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(await PostgresSettingsAsync(ct));
        await using var other = SecondInstance(wire);
        using var otherClient = other.CreateClient();
        await wire.LinkAsync(ct);

        var id = Guid.NewGuid().ToString("N");
        var message = Activities.Json(wire.MessageFrom(Sec, "help", id));
        var answers = await Task.WhenAll(
            wire.Client.PostAsync("/api/messages", message, ct),
            otherClient.PostAsync("/api/messages", Activities.Json(wire.MessageFrom(Sec, "help", id)), ct));
        Assert.All(answers, a => a.EnsureSuccessStatusCode());
        // The turn's reply may follow the 200; a second reply would come as soon.
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        Assert.Single(wire.Connector.Requests, r => r.Path.EndsWith("/activities/" + id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_saved_through_one_instance_is_read_through_the_other_and_a_repeated_save_gets_one_answer()
    {
        postgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(await PostgresSettingsAsync(ct));
        await using var other = SecondInstance(wire);
        using var otherClient = other.CreateClient();
        await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        await wire.OpenRoundAsync(ct);
        await wire.DispatchAsync(ct);
        var prompt = Assert.Single(wire.ProactiveTo(LeadA));

        // Teams re-delivers the same invoke (same id) and each delivery lands on a different instance.
        var save = SaveDraft(wire, CardData.Of(prompt, "update.saveDraft").With("achievements", "We opened the hub"));
        var answers = await Task.WhenAll(
            wire.Client.PostAsync("/api/messages", Activities.Json(save), ct),
            otherClient.PostAsync("/api/messages", Activities.Json(save.DeepClone()), ct));
        var cards = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<JsonElement>(ct)));
        Assert.All(answers, a => a.EnsureSuccessStatusCode());
        Assert.Contains("Draft saved.", cards[0].GetRawText(), StringComparison.Ordinal);
        Assert.Equal(cards[0].GetRawText(), cards[1].GetRawText());

        // Read back through the other instance.
        var before = wire.Connector.Requests.Count;
        var readId = Guid.NewGuid().ToString("N");
        using var read = await otherClient.PostAsync("/api/messages", Activities.Json(wire.MessageFrom(LeadA, "my update", readId)), ct);
        read.EnsureSuccessStatusCode();
        await wire.Connector.WaitUntilAsync(_ => wire.Connector.Requests.Skip(before).Any(r => r.Path.EndsWith("/activities/" + readId, StringComparison.Ordinal)), "the reply to the message", ct, TimeSpan.FromSeconds(20));
        var reply = wire.Connector.Requests.Skip(before).First(r => r.Path.EndsWith("/activities/" + readId, StringComparison.Ordinal));
        Assert.Contains("We opened the hub", reply.Body!.Value.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<(string Key, string Value)[]> PostgresSettingsAsync(CancellationToken ct) =>
    [
        ("Database:Provider", "Postgres"),
        ("Database:ConnectionString", await postgres.CreateDatabaseAsync(ct)),
    ];

    /// A second app on the first one's database and clock: another instance behind the same endpoint.
    private static OspBotApp SecondInstance(RoundsWire wire)
    {
        var configuration = wire.App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        return new OspBotApp()
            .With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", configuration["Database:ConnectionString"])
            .With("Jobs:Outbox:DispatchEnabled", "false")
            .WithServices(s => s.AddSingleton<TimeProvider>(wire.Clock));
    }

    private static JsonObject SaveDraft(RoundsWire wire, JsonObject data)
    {
        var invoke = Activities.Invoke(wire.Connector.ServiceUrl, "adaptiveCard/action",
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "update.saveDraft", ["data"] = data }, ["trigger"] = "manual" });
        invoke["from"] = new JsonObject { ["id"] = LeadA.Mri, ["name"] = LeadA.Aad, ["aadObjectId"] = LeadA.Aad };
        invoke["conversation"]!["id"] = LeadA.ConversationId;
        return invoke;
    }
}
