using System.Text.Json;
using OspBot.Teams.Schema;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Connector;

public sealed class ConnectorClientTests
{
    [Fact]
    public async Task Ids_with_colon_at_semicolon_and_equals_are_percent_encoded_on_the_wire()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = new ConnectorTestHost();

        await host.Client.ReplyToActivityAsync(server.ServiceUrl, "19:abc@thread.tacv2;messageid=17", "1:2", Activities.Hello, ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities/1%3A2", request.Path);
    }

    [Fact]
    public async Task The_service_url_path_is_kept_with_or_without_a_trailing_slash()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        await using var host = new ConnectorTestHost();

        await host.Client.SendToConversationAsync(new Uri(server.ServiceUrl, "amer/tenant-1/"), "a:1", Activities.Hello, ct);
        await host.Client.SendToConversationAsync(new Uri(server.ServiceUrl, "amer/tenant-1"), "a:1", Activities.Hello, ct);

        Assert.All(server.Requests, r => Assert.Equal("/amer/tenant-1/v3/conversations/a%3A1/activities", r.Path));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Send_posts_the_activity_as_camel_case_json_without_nulls_and_returns_the_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Json(201, """{"id":"1767765488332"}""");
        await using var host = new ConnectorTestHost();

        var sent = await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Activities.Hello, ct);

        Assert.Equal("1767765488332", sent.Id);
        Assert.Equal("""{"type":"message","text":"hello"}""", Assert.Single(server.Requests).Text);
    }

    [Fact]
    public async Task Update_puts_the_full_replacement_activity()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Json(200, """{"id":"55"}""");
        await using var host = new ConnectorTestHost();

        var updated = await host.Client.UpdateActivityAsync(server.ServiceUrl, "a:1", "55", Activities.Hello with { Text = "edited" }, ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v3/conversations/a%3A1/activities/55", request.Path);
        Assert.Equal("edited", JsonDocument.Parse(request.Text).RootElement.GetProperty("text").GetString());
        Assert.Equal("55", updated.Id);
    }

    [Fact]
    public async Task Create_conversation_posts_the_proactive_one_to_one_shape()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Json(201, """{"id":"a:1XyzPersonal"}""");
        await using var host = new ConnectorTestHost();
        const string tenant = "11111111-2222-3333-4444-555555555555";

        var created = await host.Client.CreateConversationAsync(server.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:1AbcUser" }],
            TenantId = tenant,
            ChannelData = JsonDocument.Parse($$$"""{"tenant":{"id":"{{{tenant}}}"}}""").RootElement,
        }, ct);

        Assert.Equal("a:1XyzPersonal", created.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v3/conversations", request.Path);
        var body = JsonDocument.Parse(request.Text).RootElement;
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:bot", body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:1AbcUser", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal(tenant, body.GetProperty("tenantId").GetString());
        Assert.Equal(tenant, body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(body.TryGetProperty("topicName", out _));
        Assert.False(body.TryGetProperty("activity", out _));
    }

    [Fact]
    public async Task Paged_members_pass_page_size_and_the_escaped_continuation_token()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = r => r.Index == 0
            ? StubReply.Json(200, """{"continuationToken":"tok/en+1=","members":[{"id":"29:a","name":"Ada","aadObjectId":"o-1"}]}""")
            : StubReply.Json(200, """{"members":[{"id":"29:b","userRole":"user"}]}""");
        await using var host = new ConnectorTestHost();

        var first = await host.Client.GetConversationPagedMembersAsync(server.ServiceUrl, "19:t@thread.tacv2", 1, null, ct);
        var second = await host.Client.GetConversationPagedMembersAsync(server.ServiceUrl, "19:t@thread.tacv2", 1, first.ContinuationToken, ct);

        Assert.Equal("tok/en+1=", first.ContinuationToken);
        Assert.Equal("o-1", Assert.Single(first.Members).AadObjectId);
        Assert.Null(second.ContinuationToken);
        Assert.Equal("29:b", Assert.Single(second.Members).Id);
        Assert.Equal(
            ["/v3/conversations/19%3At%40thread.tacv2/pagedmembers?pageSize=1",
             "/v3/conversations/19%3At%40thread.tacv2/pagedmembers?pageSize=1&continuationToken=tok%2Fen%2B1%3D"],
            server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task One_member_is_fetched_by_escaped_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeConnector.StartAsync("/");
        server.Reply = _ => StubReply.Json(200, """{"id":"29:a","name":"Ada","tenantId":"t"}""");
        await using var host = new ConnectorTestHost();

        var member = await host.Client.GetConversationMemberAsync(server.ServiceUrl, "a:1", "29:a", ct);

        Assert.Equal("Ada", member.Name);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v3/conversations/a%3A1/members/29%3Aa", request.Path);
    }
}
