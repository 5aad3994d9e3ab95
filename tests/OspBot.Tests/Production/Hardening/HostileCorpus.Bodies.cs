using System.Text;
using OspBot.Tests.Teams.Hosting;

namespace OspBot.Tests.Production.Hardening;

/// Bodies that are not one valid activity: malformed JSON, invalid UTF-8, deep nesting, too large, wrongly typed.
internal static partial class HostileCorpus
{
    private static IEnumerable<HostileCase> Bodies(CorpusContext c)
    {
        foreach (var row in HostileRequestTests.HostileBodies())
        {
            var (name, body) = row.Data;
            yield return new("body", name, 400, c.PostText(body.Replace("http://127.0.0.1:9/", c.ServiceUrl.ToString(), StringComparison.Ordinal)));
        }
    }

    private static IEnumerable<HostileCase> InvalidUtf8(CorpusContext c)
    {
        (string Name, byte[] Bytes)[] sequences =
        [
            ("a lead byte before ASCII", [0xC3, 0x41]),
            ("a lone continuation byte", [0x80]),
            ("an overlong slash", [0xC0, 0xAF]),
            ("an overlong NUL", [0xE0, 0x80, 0x80]),
            ("a UTF-16 surrogate", [0xED, 0xA0, 0x80]),
            ("a code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("byte F5", [0xF5, 0x80, 0x80, 0x80]),
            ("byte FF", [0xFF]),
            ("a truncated emoji", [0xF0, 0x9F, 0x98]),
        ];
        var withText = c.Message("he#lp");
        var withName = c.Message();
        withName["#"] = 1;
        var withChannelData = c.Message();
        withChannelData["channelData"]!["note"] = "#";
        (string Name, string Json)[] places =
        [
            ("in the text", withText.ToJsonString()),
            ("in an unknown property's name", withName.ToJsonString()),
            ("in channelData", withChannelData.ToJsonString()),
        ];
        var template = c.Message().ToJsonString();
        foreach (var (place, json) in places)
        {
            foreach (var (what, bytes) in sequences)
            {
                var raw = Encoding.UTF8.GetBytes(json);
                var at = Array.IndexOf(raw, (byte)'#');
                var body = raw[..at].Concat(bytes).Concat(raw[(at + 1)..]).ToArray();
                yield return new("utf-8", $"{what} {place}", 400, CorpusContext.Post(body, "Bearer " + c.ValidToken));
            }
        }

        yield return new("utf-8", "the activity in UTF-16", 400, CorpusContext.Post(Encoding.Unicode.GetBytes(template), "Bearer " + c.ValidToken));
        yield return new("utf-8", "the activity in UTF-32", 400, CorpusContext.Post(Encoding.UTF32.GetBytes(template), "Bearer " + c.ValidToken));
    }

    private static IEnumerable<HostileCase> Nesting(CorpusContext c)
    {
        var template = c.Message().ToJsonString();
        string Inside(string field, string value) => template[..^1] + $",\"{field}\":{value}}}";
        foreach (var depth in new[] { 65, 1_000, 5_000, 100_000 })
        {
            yield return new("nesting", $"{depth} nested arrays in value", 400, c.PostText(Inside("value", new string('[', depth) + new string(']', depth))));
            yield return new("nesting", $"{depth} nested objects in channelData", 400,
                c.PostText(Inside("channelData", string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))));
        }

        yield return new("nesting", "10,000 unclosed arrays", 400, c.PostText(Inside("value", new string('[', 10_000))));
        yield return new("nesting", "5,000 nested arrays at the root", 400, c.PostText(new string('[', 5_000) + new string(']', 5_000)));
    }

    private static IEnumerable<HostileCase> Sizes(CorpusContext c)
    {
        var huge = c.Message(new string('x', 1_100_000)).ToJsonString();
        yield return new("size", "1.1 MB activity", 413, c.PostText(huge));
        yield return new("size", "3 MB activity", 413, c.PostText(c.Message(new string('x', 3_000_000)).ToJsonString()));
        yield return new("size", "Content-Length of 50 MB, small body", 413, new RawRequest(
            RawRequest.HeadOf("POST", "/api/messages", [("Content-Type", "application/json"), ("Authorization", "Bearer " + c.ValidToken), ("Content-Length", "52428800")]),
            (s, ct) => s.WriteAsync(Encoding.UTF8.GetBytes(c.Message().ToJsonString()), ct).AsTask()));
        yield return new("size", "1.2 MB chunked", 413, Chunked(c, Encoding.UTF8.GetBytes(c.Message(new string('y', 1_200_000)).ToJsonString()), 64 * 1024));
        yield return new("size", "8 MB chunked", 413, Chunked(c, Encoding.UTF8.GetBytes(c.Message(new string('z', 8_000_000)).ToJsonString()), 256 * 1024));
        yield return new("size", "empty body", 400, c.PostText(""));
    }

    private static IEnumerable<HostileCase> ContentTypes(CorpusContext c)
    {
        var body = Encoding.UTF8.GetBytes(c.Message().ToJsonString());
        string?[] types =
        [
            null, "", "text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/jsonp", "application/json-patch+json", "application/json; charset=utf-16", "application/json; charset=latin1", "*/*",
            "application", "application/json\u0001",
        ];
        foreach (var type in types)
        {
            var headers = new List<(string, string)> { ("Authorization", "Bearer " + c.ValidToken) };
            if (type is not null)
            {
                headers.Add(("Content-Type", type));
            }

            yield return new("content-type", type is null ? "missing" : $"'{type}'", 415,
                RawRequest.Post("/api/messages", headers, body));
        }
    }

    internal static RawRequest Chunked(CorpusContext c, byte[] body, int chunk) => new(
        RawRequest.HeadOf("POST", "/api/messages", [("Content-Type", "application/json"), ("Authorization", "Bearer " + c.ValidToken), ("Transfer-Encoding", "chunked")]),
        async (s, ct) =>
        {
            for (var i = 0; i < body.Length; i += chunk)
            {
                var n = Math.Min(chunk, body.Length - i);
                await s.WriteAsync(Encoding.ASCII.GetBytes($"{n:X}\r\n"), ct);
                await s.WriteAsync(body.AsMemory(i, n), ct);
                await s.WriteAsync("\r\n"u8.ToArray(), ct);
            }

            await s.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);
        });
}
