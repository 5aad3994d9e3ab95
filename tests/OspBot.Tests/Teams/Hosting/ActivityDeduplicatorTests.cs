using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OspBot.Teams.Hosting;
using OspBot.Teams.Schema;
using OspBot.Tests.Fakes;

namespace OspBot.Tests.Teams.Hosting;

public sealed class ActivityDeduplicatorTests
{
    private static Activity Message(string id, string conversation = "a:1") =>
        new() { Type = "message", Id = id, Conversation = new ConversationAccount { Id = conversation } };

    [Fact]
    public async Task A_repeat_shares_the_running_turn_and_later_gets_the_same_answer()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var deduplicator = new ActivityDeduplicator(clock, NullLogger<ActivityDeduplicator>.Instance);
        var release = new TaskCompletionSource<InvokeResponse?>();
        var runs = 0;
        Task<InvokeResponse?> Run()
        {
            runs++;
            return release.Task;
        }

        var (first, firstIsRepeat) = deduplicator.RunOnce(Message("1"), Run);
        var (second, secondIsRepeat) = deduplicator.RunOnce(Message("1"), Run);
        var answer = new InvokeResponse(200, null);
        release.SetResult(answer);

        Assert.False(firstIsRepeat);
        Assert.True(secondIsRepeat);
        Assert.Same(answer, await first);
        Assert.Same(answer, await second);
        var (third, thirdIsRepeat) = deduplicator.RunOnce(Message("1"), Run);
        Assert.True(thirdIsRepeat);
        Assert.Same(answer, await third);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Ids_are_per_conversation_and_forgotten_after_two_generations()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var deduplicator = new ActivityDeduplicator(clock, NullLogger<ActivityDeduplicator>.Instance);
        var runs = 0;
        Task<InvokeResponse?> Run()
        {
            runs++;
            return Task.FromResult<InvokeResponse?>(null);
        }

        await deduplicator.RunOnce(Message("1", "a:1"), Run).Turn;
        await deduplicator.RunOnce(Message("1", "a:2"), Run).Turn;
        Assert.Equal(2, runs);

        clock.Advance(ActivityDeduplicator.Generation + TimeSpan.FromSeconds(1));
        Assert.True(deduplicator.RunOnce(Message("1", "a:1"), Run).IsRepeat);

        clock.Advance(ActivityDeduplicator.Generation + TimeSpan.FromSeconds(1));
        Assert.False(deduplicator.RunOnce(Message("1", "a:1"), Run).IsRepeat);
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task A_turn_cancelled_at_shutdown_can_run_again()
    {
        var deduplicator = new ActivityDeduplicator(TimeProvider.System, NullLogger<ActivityDeduplicator>.Instance);

        var (cancelled, _) = deduplicator.RunOnce(Message("1"), () => Task.FromCanceled<InvokeResponse?>(new CancellationToken(true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        Assert.False(deduplicator.RunOnce(Message("1"), () => Task.FromResult<InvokeResponse?>(null)).IsRepeat);
    }
}
