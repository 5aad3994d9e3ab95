using OspBot.Graph;
using OspBot.Meetings;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Meetings;

/// Throttling, outages, refusals and bad requests: retried where Graph says so, otherwise a clear CalendarException.
public sealed class GraphCalendarFailureTests
{
    private static readonly DateTimeOffset NextWeek = new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_with_the_same_transaction_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, n) => n == 0
            ? StubReply.Error(429, "TooManyRequests", ("Retry-After", "1"))
            : StubReply.Json(201, """{"id":"e1"}""");
        // Without Retry-After the SDK would wait RetryDelaySeconds (60 s): finishing inside the 30 s budget
        // shows it waited for Graph's Retry-After instead.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TimeSpan.FromSeconds(30));

        var created = await stub.Calendar(retryDelaySeconds: 60).CreateAsync(GraphCalendarRequestTests.Draft(NextWeek), budget.Token);

        Assert.Equal("e1", created.EventId);
        var requests = stub.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal("meeting-42", requests[1].Json.GetProperty("transactionId").GetString());
        Assert.Equal("1", requests[1].Header("Retry-Attempt"));
        Assert.True(requests[1].ElapsedSince(requests[0]) >= TimeSpan.FromSeconds(0.9), "the retry came before Retry-After");
    }

    [Fact]
    public async Task An_outage_that_outlasts_the_retries_leaves_the_create_retryable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await GraphStub.StartAsync(ct);
        stub.Respond = (_, _) => StubReply.Error(503, "ServiceUnavailable", ("Retry-After", "0"));

        var error = await Assert.ThrowsAsync<CalendarException>(
            () => stub.Calendar(maxRetries: 2).CreateAsync(GraphCalendarRequestTests.Draft(NextWeek), ct));

        Assert.Equal(CalendarFailure.Unavailable, error.Reason);
        Assert.True(error.IsRetryable);
        Assert.Contains("will not create a duplicate", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal("meeting-42", r.Json.GetProperty("transactionId").GetString()));
    }

    [Fact]
    public async Task Graph_out_of_reach_is_unavailable_not_a_raw_exception()
    {
        var ct = TestContext.Current.CancellationToken;
        var stub = await GraphStub.StartAsync(ct);
        var calendar = stub.Calendar();
        await stub.DisposeAsync();

        var error = await Assert.ThrowsAsync<CalendarException>(() => calendar.GetResponsesAsync("e1", ct));

        Assert.Equal(CalendarFailure.Unavailable, error.Reason);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task A_401_names_the_credential_settings()
    {
        var error = await FailAsync(401, "InvalidAuthenticationToken", c => c.CreateAsync(GraphCalendarRequestTests.Draft(NextWeek), default));

        Assert.Equal(CalendarFailure.Unauthorized, error.Reason);
        Assert.Contains("Graph:ClientId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:TenantId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_on_the_calendar_names_the_permission_and_the_mailbox()
    {
        var error = await FailAsync(403, "ErrorAccessDenied", c => c.CreateAsync(GraphCalendarRequestTests.Draft(NextWeek), default));

        Assert.Equal(CalendarFailure.Forbidden, error.Reason);
        Assert.Contains("Calendars.ReadWrite", error.Message, StringComparison.Ordinal);
        Assert.Contains("secretariat@osp.test", error.Message, StringComparison.Ordinal);
        Assert.Equal("ErrorAccessDenied", error.GraphErrorCode);
    }

    [Fact]
    public async Task A_403_on_automatic_replies_names_MailboxSettings_Read()
    {
        var error = await FailAsync(403, "ErrorAccessDenied", c => c.GetAutomaticRepliesAsync("ana@osp.test", default));

        Assert.Equal(CalendarFailure.Forbidden, error.Reason);
        Assert.Contains("MailboxSettings.Read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_on_install_names_the_Teams_app_installation_permission()
    {
        var error = await FailAsync(403, "Forbidden", c => c.InstallAppForUserAsync("user-1", "app-catalog-id", default));

        Assert.Equal(CalendarFailure.Forbidden, error.Reason);
        Assert.Contains("TeamsAppInstallation.ReadWriteSelfForUser.All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organiser_mailbox_names_the_setting()
    {
        var error = await FailAsync(404, "ErrorInvalidUser", c => c.CreateAsync(GraphCalendarRequestTests.Draft(NextWeek), default));

        Assert.Equal(CalendarFailure.MailboxNotFound, error.Reason);
        Assert.Contains("Graph:OrganiserMailbox", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task A_deleted_event_is_reported_as_gone()
    {
        var error = await FailAsync(404, "ErrorItemNotFound", c => c.MoveAsync("e1", NextWeek, NextWeek.AddHours(1), default));

        Assert.Equal(CalendarFailure.EventNotFound, error.Reason);
        Assert.Contains("deleted in Outlook", error.Message, StringComparison.Ordinal);
    }

    /// Answers every request with the error; the error must not be retried.
    private static async Task<CalendarException> FailAsync(int status, string code, Func<IMeetingCalendar, Task> call)
    {
        await using var stub = await GraphStub.StartAsync(TestContext.Current.CancellationToken);
        stub.Respond = (_, _) => StubReply.Error(status, code);

        var error = await Assert.ThrowsAsync<CalendarException>(() => call(stub.Calendar()));

        Assert.Single(stub.Requests);
        Assert.Equal(status, error.StatusCode);
        return error;
    }
}
