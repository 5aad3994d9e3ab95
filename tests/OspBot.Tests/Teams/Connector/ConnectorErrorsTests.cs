using System.Globalization;
using System.Net;
using OspBot.Teams.Connector;

namespace OspBot.Tests.Teams.Connector;

public sealed class ConnectorErrorsTests
{
    [Theory]
    [InlineData("""{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""",
        "BotNotInConversationRoster", "The bot is not part of the conversation roster.")]
    [InlineData("""{"error":{"code":"Forbidden","message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"Thread is blocked from message writes.\"}"}}""",
        "MessageWritesBlocked", "Thread is blocked from message writes.")]
    [InlineData("""{"errorCode":209,"message":"Thread is blocked"}""", "MessageWritesBlocked", "Thread is blocked")]
    [InlineData("<html>Bad gateway</html>", null, "<html>Bad gateway</html>")]
    [InlineData("", null, null)]
    public void Error_bodies_yield_the_most_specific_code(string body, string? code, string? message)
    {
        Assert.Equal((code, message), ConnectorErrors.Parse(body));
    }

    [Fact]
    public void Retry_after_in_seconds_or_as_a_date_is_honoured_and_capped()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        using var seconds = Throttled(r => r.Headers.TryAddWithoutValidation("Retry-After", "3"));
        using var date = Throttled(r => r.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(5).ToString("R", CultureInfo.InvariantCulture)));
        using var tooLong = Throttled(r => r.Headers.TryAddWithoutValidation("Retry-After", "600"));
        using var none = Throttled(_ => { });

        Assert.Equal(TimeSpan.FromSeconds(3), ConnectorResilience.RetryAfter(seconds, now, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(5), ConnectorResilience.RetryAfter(date, now, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), ConnectorResilience.RetryAfter(tooLong, now, TimeSpan.FromSeconds(30)));
        Assert.Null(ConnectorResilience.RetryAfter(none, now, TimeSpan.FromSeconds(30)));
    }

    private static HttpResponseMessage Throttled(Action<HttpResponseMessage> configure)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        configure(response);
        return response;
    }
}
