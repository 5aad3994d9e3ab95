using System.Collections.Concurrent;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Meetings;

/// Routes the GraphStub's requests like Graph would for meetings: events deduplicated by transactionId (as
/// Graph does for a repeated create), moves, cancellations, responses, automatic replies and app installs.
/// Set Fail to answer some requests with an error instead.
internal sealed class FakeGraph
{
    private readonly ConcurrentDictionary<string, string> _events = new(StringComparer.Ordinal);

    public FakeGraph(GraphStub stub)
    {
        Stub = stub;
        stub.Respond = (request, _) => Fail?.Invoke(request) ?? Answer(request);
    }

    public GraphStub Stub { get; }

    /// An error reply for a request, or null to answer normally.
    public Func<GraphRequest, StubReply?>? Fail { get; set; }

    /// Entra object ids whose automatic replies are on.
    public HashSet<string> AwayUsers { get; } = [];

    public int EventsCreated => _events.Count;

    public IReadOnlyList<GraphRequest> Requests(string method, string pathPart) =>
        [.. Stub.Requests.Where(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal))];

    /// Books a create as Graph would, for a test that then loses Graph's answer.
    public void CreateQuietly(GraphRequest r) => Answer(r);

    private StubReply Answer(GraphRequest r)
    {
        if (r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal))
        {
            var transaction = r.Json.GetProperty("transactionId").GetString()!;
            var id = _events.GetOrAdd(transaction, _ => $"ev-{_events.Count + 1}");
            return StubReply.Json(201, $$$"""{"id":"{{{id}}}","webLink":"https://outlook.office365.com/owa/?itemid={{{id}}}","onlineMeeting":{"joinUrl":"https://teams.microsoft.com/l/meetup-join/{{{id}}}"}}""");
        }
        if (r.Path.EndsWith("/automaticRepliesSetting", StringComparison.Ordinal))
        {
            var user = r.Path.Split('/')[3];
            return StubReply.Json(200, AwayUsers.Contains(user) ? """{"status":"alwaysEnabled"}""" : """{"status":"disabled"}""");
        }
        if (r.Method == "GET" && r.Path.Contains("/events/", StringComparison.Ordinal))
        {
            return StubReply.Json(200, """
                {"attendees":[
                  {"emailAddress":{"address":"ann@osp.test","name":"Ann"},"status":{"response":"accepted","time":"2026-03-03T10:00:00Z"}},
                  {"emailAddress":{"address":"bob@osp.test","name":"Bob"},"status":{"response":"declined","time":"2026-03-03T11:00:00Z"}},
                  {"emailAddress":{"address":"cat@osp.test","name":"Cat"},"status":{"response":"none","time":"0001-01-01T00:00:00Z"}}]}
                """);
        }
        if (r.Path.EndsWith("/getSchedule", StringComparison.Ordinal))
        {
            return StubReply.Json(200, """{"value":[{"scheduleId":"ann@osp.test","availabilityView":"000000000000000000"},{"scheduleId":"bob@osp.test","availabilityView":"220000000000000000"},{"scheduleId":"cat@osp.test","availabilityView":"000000000000000000"}]}""");
        }
        return r.Method switch
        {
            "PATCH" => StubReply.Json(200, "{}"),
            "POST" when r.Path.EndsWith("/cancel", StringComparison.Ordinal) => StubReply.Empty(202),
            "POST" => StubReply.Json(201, "{}"),
            _ => StubReply.Json(200, "{}"),
        };
    }
}
