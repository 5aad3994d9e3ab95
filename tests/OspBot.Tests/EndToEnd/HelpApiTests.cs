namespace OspBot.Tests.EndToEnd;

/// Headless: the playground's own API plays the user, and its UI stream shows what reached its connector.
public sealed class HelpApiTests(PlaygroundFixture playground) : EndToEndTest(playground)
{
    [Fact]
    public async Task Installing_the_app_sends_a_welcome_card_to_the_personal_chat()
    {
        SkipIfUnavailable();
        var client = Playground.Client;
        await using var feed = await client.OpenFeedAsync(Ct);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1_000;

        await client.InstallAsync(Ct);

        var welcome = await feed.WaitForBotMessageAsync(
            m => m.Timestamp >= before && m.AdaptiveCards.Count > 0, ReplyTimeout, Ct);
        Assert.Equal(client.Config.PersonalChatId, welcome.ConversationId);
        Assert.True(welcome.HasCardContaining(WelcomeHeading), $"Not the welcome card: {welcome.AdaptiveCards[0].ToJsonString()}");
    }

    [Fact]
    public async Task Help_reaches_the_playground_as_an_adaptive_card_reply()
    {
        SkipIfUnavailable();
        var client = Playground.Client;
        await using var feed = await client.OpenFeedAsync(Ct);

        var sent = await client.SendTextAsync("help", Ct);

        var reply = await feed.WaitForBotMessageAsync(
            m => m.Timestamp >= sent.Timestamp && m.AdaptiveCards.Count > 0, ReplyTimeout, Ct);
        Assert.Equal(client.Config.PersonalChatId, reply.ConversationId);
        Assert.True(reply.HasCardContaining(HelpHeading), $"Not the help card: {reply.AdaptiveCards[0].ToJsonString()}");
    }
}
