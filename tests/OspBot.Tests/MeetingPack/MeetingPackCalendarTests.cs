using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OspBot.Cards.MeetingPack;
using OspBot.MeetingPack;
using OspBot.Tests.Fakes;
using OspBot.Tests.Meetings;
using OspBot.Tests.Reports;
using OspBot.Tests.Schemas;
using static OspBot.Tests.Rounds.RoundAssert;
using W = OspBot.Tests.Rounds.RoundsWorld;

namespace OspBot.Tests.MeetingPack;

/// Issue 15, with Graph: each published pack's SharePoint link goes into the steering group meeting's calendar event
/// body ("Meeting pack: link"), replacing an earlier one and keeping the rest; Graph failures are retried, then shown
/// on the pack, which is kept. The real Graph SDK against the loopback Graph stub.
public sealed class MeetingPackCalendarTests
{
    private const string EventId = "AAMkAD-pack-event";
    private const string EventPath = "/v1.0/users/secretariat@osp.test/events/" + EventId;
    private const string Agenda = "<p><strong>Agenda</strong></p><p>Welcome and apologies<br>Q3 updates</p>";
    private const string JoinBlob = "<div>Microsoft Teams meeting <a href=\"https://teams.microsoft.com/l/meetup-join/1\">Join</a></div>";

    [Fact]
    public async Task A_published_pack_puts_its_link_into_the_event_body_and_a_newer_version_replaces_the_line()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await WorldWithEventAsync(ct);
        await using var stub = await GraphStub.StartAsync(ct);
        var calendar = new CalendarEvent();
        stub.Respond = calendar.Respond;

        var first = Found(await Build(world, stub).BuildAsync(W.Secretariat, ct));

        Assert.Equal((new Uri(CalendarEvent.Url(1)), (string?)null), (first.SharePointUrl, first.CalendarError));
        Assert.Equal(["PUT", "GET", "PATCH"], stub.Requests.Select(r => r.Method));
        var read = stub.Requests[1];
        Assert.Equal((EventPath, "?$select=body"), (read.Path, read.Query));
        var patch = stub.Requests[2];
        Assert.Equal(EventPath, patch.Path);
        var body = patch.Json.GetProperty("body");
        Assert.Equal("html", body.GetProperty("contentType").GetString());
        Assert.Equal($"<html><head></head><body>{Line(1)}{Agenda}{JoinBlob}</body></html>", body.GetProperty("content").GetString());

        var second = Found(await Build(world, stub).BuildAsync(W.Secretariat, ct));

        Assert.Equal(2, second.Version);
        Assert.Equal($"<html><head></head><body>{Line(2)}{Agenda}{JoinBlob}</body></html>",
            stub.Requests[^1].Json.GetProperty("body").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_503_is_retried_and_the_link_goes_in()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await WorldWithEventAsync(ct);
        await using var stub = await GraphStub.StartAsync(ct);
        var calendar = new CalendarEvent();
        var patches = 0;
        stub.Respond = (request, n) => request.Method == "PATCH" && patches++ == 0
            ? StubReply.Error(503, "ServiceUnavailable", ("Retry-After", "0"))
            : calendar.Respond(request, n);

        var pack = Found(await Build(world, stub).BuildAsync(W.Secretariat, ct));

        Assert.Null(pack.CalendarError);
        Assert.Equal(2, stub.Requests.Count(r => r.Method == "PATCH"));
        Assert.Equal("1", stub.Requests.Last(r => r.Method == "PATCH").Header("Retry-Attempt"));
        Assert.Contains(Line(1), calendar.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_is_shown_on_the_pack_card_and_the_pack_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await WorldWithEventAsync(ct);
        await using var stub = await GraphStub.StartAsync(ct);
        var calendar = new CalendarEvent();
        stub.Respond = (request, n) => request.Method == "GET" ? StubReply.Error(403, "ErrorAccessDenied") : calendar.Respond(request, n);

        var pack = Found(await Build(world, stub).BuildAsync(W.Secretariat, ct));

        Assert.Equal(new Uri(CalendarEvent.Url(1)), pack.SharePointUrl);
        Assert.Contains("Calendars.ReadWrite", pack.CalendarError, StringComparison.Ordinal);
        Assert.DoesNotContain(stub.Requests, r => r.Method == "PATCH");
        await using (var db = world.Db())
        {
            var kept = await db.Set<MeetingPackVersion>().SingleAsync(p => p.Id == pack.PackId, ct);
            Assert.NotEmpty(kept.Docx);
            Assert.Equal(pack.CalendarError, kept.CalendarError);
        }

        var card = MeetingPackCards.Download("Meeting pack for Q3 2026/27 (version 1)", new Uri("https://bot.test/meeting-pack/1/download?t=x"),
            "Mon 9 Nov 2026 10:00", pack.SharePointUrl, pack.PublishError, pack.CalendarError).ToJsonElement();
        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains("calendar event: Microsoft Graph refused access to the calendar of secretariat@osp.test (403)", card.GetRawText(), StringComparison.Ordinal);
    }

    private static MeetingPackBuilder Build(W world, GraphStub stub) =>
        MeetingPackTests.Builder(world, GraphReportPublisherTests.Publisher(stub), stub.Calendar());

    private static string Line(int version) => $"<p>Meeting pack: <a href=\"{CalendarEvent.Url(version)}\">{CalendarEvent.Url(version)}</a></p>";

    /// The round's steering group meeting, booked through Graph: it has a calendar event.
    private static async Task<W> WorldWithEventAsync(CancellationToken ct)
    {
        var world = await MeetingPackTests.RoundWithLateAndMissingAsync(ct);
        await using var db = world.Db();
        (await db.Meetings.SingleAsync(ct)).GraphEventId = EventId;
        await db.SaveChangesAsync(ct);
        return world;
    }

    /// The organiser's event as Exchange keeps it, plus the SharePoint uploads: each upload a new link.
    private sealed class CalendarEvent
    {
        private int _uploads;

        public string Content { get; private set; } = $"<html><head></head><body>{Agenda}{JoinBlob}</body></html>";

        public static string Url(int version) => $"https://osp.sharepoint.com/sites/osp/Shared%20Documents/OSP/pack-v{version}.docx";

        public StubReply Respond(GraphRequest request, int n)
        {
            switch (request.Method)
            {
                case "PUT":
                    var version = Interlocked.Increment(ref _uploads);
                    return StubReply.Json(201, JsonSerializer.Serialize(new { id = $"0{version}", name = "pack.docx", size = 3, webUrl = Url(version) }));
                case "PATCH":
                    Content = request.Json.GetProperty("body").GetProperty("content").GetString()!;
                    return Event();
                default:
                    return Event();
            }
        }

        private StubReply Event() => StubReply.Json(200, JsonSerializer.Serialize(new { id = EventId, body = new { contentType = "html", content = Content } }));
    }
}
