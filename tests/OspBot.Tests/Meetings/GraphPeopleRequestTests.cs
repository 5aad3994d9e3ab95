using OspBot.Meetings;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Meetings;

/// Free/busy, app installs and automatic replies: the exact Graph requests and how answers are read.
public sealed class GraphPeopleRequestTests
{
    [Fact]
    public async Task Find_slots_asks_getSchedule_for_every_member_and_proposes_the_time_all_are_free_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        // Monday 9 March 2026, 09:00 to 12:00 London (GMT), half-hour intervals.
        stub.Respond = (_, _) => StubReply.Json(200, """
            {"value":[
              {"scheduleId":"ana@osp.test","availabilityView":"000022"},
              {"scheduleId":"ben@osp.test","availabilityView":"220000"}]}
            """);
        var start = new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

        var found = await stub.Calendar().FindSlotsAsync(["ana@osp.test", "ben@osp.test"], start, start.AddHours(3), TimeSpan.FromHours(1), ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/users/secretariat@osp.test/calendar/getSchedule", request.Path);
        Assert.Equal("outlook.timezone=\"Europe/London\"", request.Header("Prefer"));
        // getSchedule's parameters are PascalCase in Graph's metadata, and the SDK sends them so.
        var json = request.Json;
        Assert.Equal(["ana@osp.test", "ben@osp.test"], json.GetProperty("Schedules").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("2026-03-09T09:00:00", json.GetProperty("StartTime").GetProperty("dateTime").GetString());
        Assert.Equal("Europe/London", json.GetProperty("StartTime").GetProperty("timeZone").GetString());
        Assert.Equal("2026-03-09T12:00:00", json.GetProperty("EndTime").GetProperty("dateTime").GetString());
        Assert.Equal(30, json.GetProperty("AvailabilityViewInterval").GetInt32());

        Assert.Null(found.EmptyReason);
        var best = found.Slots[0];
        Assert.Equal(start.AddHours(1), best.Start);
        Assert.Equal(start.AddHours(2), best.End);
        Assert.Equal(100, best.Confidence);
        Assert.All(found.Slots.Skip(1), s => Assert.Equal(50, s.Confidence));
        Assert.Equal(Availability.Busy, found.Slots[1].Attendees.Single(a => a.Email == "ben@osp.test").Availability);
    }

    [Fact]
    public async Task Install_app_posts_the_catalog_binding_for_the_user()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Json(201, """{"id":"installation-1"}""");

        var outcome = await stub.Calendar().InstallAppForUserAsync("5f1c0a9e-0000-4000-8000-000000000001", "app-catalog-id", ct);

        Assert.Equal(AppInstallOutcome.Installed, outcome);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/users/5f1c0a9e-0000-4000-8000-000000000001/teamwork/installedApps", request.Path);
        Assert.Equal($"{stub.BaseUrl}/appCatalogs/teamsApps/app-catalog-id", request.Json.GetProperty("teamsApp@odata.bind").GetString());
    }

    [Fact]
    public async Task Install_app_treats_already_installed_as_success()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Error(409, "Conflict");

        var outcome = await stub.Calendar().InstallAppForUserAsync("user-1", "app-catalog-id", ct);

        Assert.Equal(AppInstallOutcome.AlreadyInstalled, outcome);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Automatic_replies_are_read_from_the_mailbox_settings_with_their_window()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Json(200, """
            {"status":"scheduled","externalAudience":"all",
             "scheduledStartDateTime":{"dateTime":"2026-04-06T08:00:00.0000000","timeZone":"UTC"},
             "scheduledEndDateTime":{"dateTime":"2026-04-10T17:00:00.0000000","timeZone":"Europe/London"},
             "internalReplyMessage":"Away","externalReplyMessage":"Away"}
            """);

        var replies = await stub.Calendar().GetAutomaticRepliesAsync("ana@osp.test", ct);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1.0/users/ana@osp.test/mailboxSettings/automaticRepliesSetting", request.Path);
        Assert.Equal($"Bearer {FakeCredential.Token}", request.Header("Authorization"));
        Assert.Equal(AutomaticRepliesStatus.Scheduled, replies.Status);
        Assert.Equal(new DateTimeOffset(2026, 4, 6, 8, 0, 0, TimeSpan.Zero), replies.ScheduledStart);
        Assert.Equal(new DateTimeOffset(2026, 4, 10, 17, 0, 0, TimeSpan.FromHours(1)), replies.ScheduledEnd); // BST
        Assert.True(replies.IsOnAt(new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.Zero)));
        Assert.False(replies.IsOnAt(new DateTimeOffset(2026, 4, 10, 16, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Automatic_replies_that_are_off_read_as_disabled()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Json(200, """{"status":"disabled"}""");

        var replies = await stub.Calendar().GetAutomaticRepliesAsync("ben@osp.test", ct);

        Assert.Equal(AutomaticRepliesStatus.Disabled, replies.Status);
        Assert.False(replies.IsOnAt(DateTimeOffset.UtcNow));
    }
}
