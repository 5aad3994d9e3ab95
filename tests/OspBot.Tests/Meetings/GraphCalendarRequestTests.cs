using OspBot.Meetings;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Meetings;

/// The real Graph SDK against a local stub: the exact requests each operation sends, and how answers are read.
public sealed class GraphCalendarRequestTests
{
    private const string EventId = "AAMkAGI2TG93AAA=";
    private static readonly DateTimeOffset April1At10London = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    internal static MeetingDraft Draft(DateTimeOffset start) => new()
    {
        Subject = "Steering group <March> & review",
        Agenda = "1. Minutes\n2. <script>alert('x')</script>",
        Start = start,
        End = start.AddHours(1),
        Attendees = [new("ana@osp.test", "Ana Smith"), new("ben@osp.test")],
        TransactionId = "meeting-42",
    };

    [Fact]
    public async Task Create_posts_the_event_with_a_teams_meeting_agenda_london_times_and_transaction_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Json(201,
            """{"id":"AAMkAGI2TG93AAA=","webLink":"https://outlook.office365.com/owa/?itemid=1","onlineMeeting":{"joinUrl":"https://teams.microsoft.com/l/meetup-join/1"}}""");

        var created = await stub.Calendar().CreateAsync(Draft(April1At10London), ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/users/secretariat@osp.test/events", request.Path);
        Assert.Equal($"Bearer {FakeCredential.Token}", request.Header("Authorization"));
        Assert.Equal("outlook.timezone=\"Europe/London\"", request.Header("Prefer"));
        var json = request.Json;
        Assert.Equal("Steering group <March> & review", json.GetProperty("subject").GetString());
        Assert.Equal("html", json.GetProperty("body").GetProperty("contentType").GetString());
        var html = json.GetProperty("body").GetProperty("content").GetString()!;
        Assert.Contains("1. Minutes<br>2. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal("2026-04-01T10:00:00", json.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal("Europe/London", json.GetProperty("start").GetProperty("timeZone").GetString());
        Assert.Equal("2026-04-01T11:00:00", json.GetProperty("end").GetProperty("dateTime").GetString());
        Assert.Equal("Europe/London", json.GetProperty("end").GetProperty("timeZone").GetString());
        var attendees = json.GetProperty("attendees").EnumerateArray().ToList();
        Assert.Equal(2, attendees.Count);
        Assert.Equal("ana@osp.test", attendees[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.Equal("Ana Smith", attendees[0].GetProperty("emailAddress").GetProperty("name").GetString());
        Assert.All(attendees, a => Assert.Equal("required", a.GetProperty("type").GetString()));
        Assert.True(json.GetProperty("isOnlineMeeting").GetBoolean());
        Assert.Equal("teamsForBusiness", json.GetProperty("onlineMeetingProvider").GetString());
        Assert.Equal("meeting-42", json.GetProperty("transactionId").GetString());

        Assert.Equal(new CalendarEvent(EventId, "https://teams.microsoft.com/l/meetup-join/1", "https://outlook.office365.com/owa/?itemid=1"), created);
    }

    [Theory]
    [InlineData(2026, 4, 1, 9)]   // BST: 10:00 London is 09:00 UTC
    [InlineData(2026, 12, 1, 10)] // GMT: 10:00 London is 10:00 UTC
    public async Task A_10am_meeting_is_sent_as_10am_London_in_summer_and_winter(int year, int month, int day, int utcHour)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Json(201, """{"id":"e1"}""");

        await stub.Calendar().CreateAsync(Draft(new DateTimeOffset(year, month, day, utcHour, 0, 0, TimeSpan.Zero)), ct);

        var start = Assert.Single(stub.Requests).Json.GetProperty("start");
        Assert.Equal($"{year:D4}-{month:D2}-{day:D2}T10:00:00", start.GetProperty("dateTime").GetString());
        Assert.Equal("Europe/London", start.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Move_patches_only_the_new_start_and_end()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Json(200, """{"id":"AAMkAGI2TG93AAA="}""");

        await stub.Calendar().MoveAsync(EventId, new(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), new(2026, 12, 1, 15, 30, 0, TimeSpan.Zero), ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"/v1.0/users/secretariat@osp.test/events/{EventId}", request.Path);
        var json = request.Json;
        Assert.Equal(["end", "start"], json.EnumerateObject().Select(p => p.Name).Where(n => n != "@odata.type").Order());
        Assert.Equal("2026-12-01T14:00:00", json.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal("2026-12-01T15:30:00", json.GetProperty("end").GetProperty("dateTime").GetString());
        Assert.Equal("Europe/London", json.GetProperty("end").GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Cancel_posts_the_message_as_the_comment()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Empty(202);

        await stub.Calendar().CancelAsync(EventId, "Cancelled: the chair is unwell; we'll rearrange.", ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1.0/users/secretariat@osp.test/events/{EventId}/cancel", request.Path);
        // Graph's metadata names this action parameter "Comment"; the SDK sends it as named there.
        Assert.Equal("Cancelled: the chair is unwell; we'll rearrange.", request.Json.GetProperty("Comment").GetString());
    }

    [Fact]
    public async Task Responses_are_read_from_the_event_attendees()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Json(200, """
            {"id":"AAMkAGI2TG93AAA=","attendees":[
              {"type":"required","status":{"response":"accepted","time":"2026-03-03T10:15:00Z"},"emailAddress":{"address":"ana@osp.test","name":"Ana"}},
              {"type":"required","status":{"response":"tentativelyAccepted","time":"2026-03-03T11:00:00Z"},"emailAddress":{"address":"ben@osp.test","name":"Ben"}},
              {"type":"required","status":{"response":"declined","time":"2026-03-04T08:00:00Z"},"emailAddress":{"address":"cy@osp.test","name":"Cy"}},
              {"type":"required","status":{"response":"none","time":"0001-01-01T00:00:00Z"},"emailAddress":{"address":"di@osp.test","name":"Di"}},
              {"type":"required","status":{"response":"notResponded","time":"0001-01-01T00:00:00Z"},"emailAddress":{"address":"ed@osp.test","name":"Ed"}}]}
            """);

        var responses = await stub.Calendar().GetResponsesAsync(EventId, ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v1.0/users/secretariat@osp.test/events/{EventId}", request.Path);
        Assert.Equal("?$select=attendees", request.Query);
        Assert.Equal("outlook.timezone=\"Europe/London\"", request.Header("Prefer"));
        Assert.Equal(
            [ResponseStatus.Accepted, ResponseStatus.Tentative, ResponseStatus.Declined, ResponseStatus.None, ResponseStatus.None],
            responses.Select(r => r.Response));
        Assert.Equal("ana@osp.test", responses[0].Email);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 15, 0, TimeSpan.Zero), responses[0].RespondedAt);
        Assert.Null(responses[3].RespondedAt);
    }
}
