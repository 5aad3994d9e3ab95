using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Hosting;

public sealed class HostileRequestTests
{
    public static TheoryData<string, string> HostileBodies()
    {
        var data = new TheoryData<string, string>();
        var valid = Activities.Message(new Uri("http://127.0.0.1:9/"), "help").ToJsonString();
        foreach (var cut in new[] { 1, 2, 10, 25, 60, 100, 200, 300, valid.Length / 2, valid.Length - 1 })
        {
            data.Add($"truncated at {cut}", valid[..cut]);
        }

        string With(string field, JsonNode? value)
        {
            var node = Activities.Message(new Uri("http://127.0.0.1:9/"), "help");
            node[field] = value;
            return node.ToJsonString();
        }

        data.Add("type is a number", With("type", 5));
        data.Add("type is an array", With("type", new JsonArray()));
        data.Add("type is an object", With("type", new JsonObject()));
        data.Add("type is null", With("type", null));
        data.Add("type is empty", With("type", ""));
        data.Add("type is blank", With("type", "   "));
        data.Add("from is a string", With("from", "29:x"));
        data.Add("conversation is a number", With("conversation", 3));
        data.Add("conversation is null", With("conversation", null));
        data.Add("membersAdded is an object", With("membersAdded", new JsonObject()));
        data.Add("attachments is a string", With("attachments", "x"));
        data.Add("text is an object", With("text", new JsonObject()));
        data.Add("id is a number", With("id", 12));
        data.Add("timestamp is an object", With("timestamp", new JsonObject()));
        data.Add("serviceUrl missing", With("serviceUrl", null));
        data.Add("serviceUrl relative", With("serviceUrl", "/v3/x"));
        data.Add("serviceUrl ftp", With("serviceUrl", "ftp://example.org/"));
        data.Add("serviceUrl not a url", With("serviceUrl", "not a url"));
        data.Add("entities is a number", With("entities", 1));
        data.Add("recipient is a bool", With("recipient", true));
        data.Add("empty body", "");
        data.Add("whitespace body", "   \n ");
        data.Add("json null", "null");
        data.Add("json array", "[]");
        data.Add("json string", "\"message\"");
        data.Add("json number", "42");
        data.Add("json true", "true");
        data.Add("empty object", "{}");
        data.Add("null everywhere", """{"type":null,"id":null,"from":null,"conversation":null,"recipient":null,"serviceUrl":null,"text":null,"value":null}""");
        data.Add("trailing garbage", valid + "}}}");
        data.Add("two objects", valid + valid);
        data.Add("single quotes", valid.Replace('"', '\''));
        data.Add("comment", "/* hi */" + valid);
        data.Add("unterminated string", """{"type":"message,"text":"x"}""");
        data.Add("deep nesting 1000", """{"type":"message","value":""" + new string('[', 1000) + new string(']', 1000) + "}");
        data.Add("deep object nesting 200", """{"type":"message","channelData":""" + string.Concat(Enumerable.Repeat("""{"a":""", 200)) + "1" + new string('}', 200) + "}");
        data.Add("NaN literal", """{"type":"message","value":NaN}""");
        data.Add("bare words", "type=message&text=help");
        data.Add("xml", "<activity type=\"message\"/>");
        data.Add("control characters in string", "{\"type\":\"mes\u0001sage\"}");
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_hostile_body_gets_a_4xx_and_runs_nothing(string what, string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var app = new OspBotApp().WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(body.Replace("http://127.0.0.1:9/", connector.ServiceUrl.ToString(), StringComparison.Ordinal), Encoding.UTF8, "application/json"), ct);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: got {(int)response.StatusCode}");
        Assert.Empty(connector.Requests);
        Assert.Empty(logs.Errors);
    }

    [Fact]
    public async Task Bodies_that_are_too_big_wrongly_typed_or_invalid_utf8_are_refused_and_the_bot_stays_healthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connector = await FakeConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var app = new OspBotApp().WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = app.CreateClient();

        var huge = Activities.Message(connector.ServiceUrl, new string('x', 1_100_000));
        using (var response = await client.PostAsync("/api/messages", Activities.Json(huge), ct))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        var valid = Activities.Message(connector.ServiceUrl, "help").ToJsonString();
        using (var response = await client.PostAsync("/api/messages", new StringContent(valid, Encoding.UTF8, "text/plain"), ct))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }

        var invalidUtf8 = Encoding.UTF8.GetBytes(valid.Replace("help", "he#lp", StringComparison.Ordinal));
        invalidUtf8[Array.IndexOf(invalidUtf8, (byte)'#')] = 0xC3; // a lead byte followed by an ASCII byte
        using (var content = new ByteArrayContent(invalidUtf8))
        {
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/api/messages", content, ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (var response = await client.GetAsync("/api/messages", ct))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }

        Assert.Empty(connector.Requests);
        using (var health = await client.GetAsync("/healthz", ct))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using (var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(connector.ServiceUrl, "help")), ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await connector.WaitForRequestsAsync(1, ct);
        Assert.Empty(logs.Errors);
    }
}
