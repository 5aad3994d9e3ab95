using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OspBot.Tests.Fakes;
using OspBot.Tests.Schemas;

namespace OspBot.Tests.Teams.Hosting;

public sealed class MessagesEndpointTests
{
    [Fact]
    public async Task Help_is_answered_with_a_valid_help_card_in_reply_to_the_message()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "help", id: "1767765400001", conversationId: "a:1Xyz;messageid=1")), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await connector.WaitForRequestsAsync(1, ct));
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/amer/tenant-1/v3/conversations/a%3A1Xyz%3Bmessageid%3D1/activities/1767765400001", sent.Path);
        var reply = sent.Body!.Value;
        ActivitySchema.AssertValid(reply);
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("1767765400001", reply.GetProperty("replyToId").GetString());
        Assert.Equal("29:1AbcUser", reply.GetProperty("recipient").GetProperty("id").GetString());
        var attachment = Assert.Single(reply.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        AdaptiveCardSchema.AssertValid(attachment.GetProperty("content"));
        Assert.Contains("help", attachment.GetProperty("content").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_message_gets_the_help_card_quoting_it_safely()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "<at>OspBot</at> what is *this*?")), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(await connector.WaitForRequestsAsync(1, ct)).Body!.Value
            .GetProperty("attachments")[0].GetProperty("content");
        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains("did not understand", card.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("\\\\*this\\\\*", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_activity_id_runs_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();
        var message = Activities.Message(connector.ServiceUrl, "help", id: "same-id");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsync("/api/messages", Activities.Json(message), ct)));
        using var later = await client.PostAsync("/api/messages", Activities.Json(message), ct);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        await connector.WaitForRequestsAsync(1, ct);
        await Task.Delay(300, ct); // room for a wrongly repeated turn to reach the connector
        Assert.Single(connector.Requests);

        using var other = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "help", id: "same-id", conversationId: "a:other")), ct);
        await connector.WaitForRequestsAsync(2, ct);
    }

    [Fact]
    public async Task Installing_the_app_greets_once_with_a_welcome_card()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();
        var install = new JsonObject
        {
            ["type"] = "installationUpdate",
            ["action"] = "add",
            ["id"] = "f:install",
            ["channelId"] = "msteams",
            ["serviceUrl"] = connector.ServiceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = "29:1AbcUser", ["aadObjectId"] = Activities.UserAadId },
            ["recipient"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "OspBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:1XyzPersonal", ["conversationType"] = "personal", ["tenantId"] = Activities.TenantId },
        };

        using var first = await client.PostAsync("/api/messages", Activities.Json(install), ct);
        using var second = await client.PostAsync("/api/messages", Activities.Json(Activities.PersonalInstall(connector.ServiceUrl)), ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var welcome = Assert.Single(await connector.WaitForRequestsAsync(1, ct)).Body!.Value;
        await Task.Delay(300, ct);
        Assert.Single(connector.Requests);
        var card = welcome.GetProperty("attachments")[0].GetProperty("content");
        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains("Welcome to OspBot", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invokes_get_their_answer_in_the_http_response()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();

        using var unknownInvoke = await client.PostAsync("/api/messages", Activities.Json(Activities.Invoke(connector.ServiceUrl, "composeExtension/query", new JsonObject())), ct);
        using var notExecute = await client.PostAsync("/api/messages", Activities.Json(Activities.Invoke(connector.ServiceUrl, "adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit" } })), ct);
        using var unknownVerb = await client.PostAsync("/api/messages", Activities.Json(Activities.Invoke(connector.ServiceUrl, "adaptiveCard/action",
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "no.such.verb" }, ["trigger"] = "manual" })), ct);

        Assert.Equal(HttpStatusCode.NotImplemented, unknownInvoke.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notExecute.StatusCode);
        Assert.Equal("application/vnd.microsoft.error", JsonDocument.Parse(await notExecute.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, unknownVerb.StatusCode);
        var body = JsonDocument.Parse(await unknownVerb.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task Other_activity_types_are_accepted_and_ignored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        await using var app = new OspBotApp();
        using var client = app.CreateClient();

        foreach (var type in new[] { "messageReaction", "typing", "event", "messageUpdate", "messageDelete", "somethingNew" })
        {
            var activity = Activities.Message(connector.ServiceUrl, "x");
            activity["type"] = type;
            activity["unknownField"] = new JsonObject { ["nested"] = 1 };
            using var response = await client.PostAsync("/api/messages", Activities.Json(activity), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(connector.Requests);
    }
}

public sealed class FirstContactTests
{
    [Fact]
    public async Task Many_first_messages_from_a_new_conversation_at_once_are_all_answered_without_errors()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var app = new OspBotApp().WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "help", conversationId: "a:brand-new")), ct)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await connector.WaitForRequestsAsync(24, ct);
        Assert.Empty(logs.Errors);
    }
}
