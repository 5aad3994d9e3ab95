using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OspBot.Conversations;
using OspBot.Data;
using OspBot.Tests.Data;

namespace OspBot.Tests.Conversations;

public sealed class ConversationStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 7, 15, 9, 0, 0, TimeSpan.Zero));
    private readonly ConversationWriteCache _cache = new();
    private SqliteConnection? _keepAlive;
    private string _connectionString = "";

    private static readonly ConversationSnapshot Personal = new()
    {
        ConversationId = "a:1personal",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        ConversationType = "personal",
        TenantId = "tenant-1",
        BotId = "28:bot",
        UserId = "29:user-1",
        UserAadObjectId = "aad-1",
        Locale = "en-GB",
    };

    public async ValueTask InitializeAsync() =>
        (_keepAlive, _connectionString) = await TestDatabases.InMemoryAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
    }

    private async Task UsingStoreAsync(Func<ConversationStore, Task> act)
    {
        await using var db = TestDatabases.Sqlite(_connectionString);
        await act(new ConversationStore(db, _cache, _clock, NullLogger<ConversationStore>.Instance));
    }

    private async Task<ConversationReference> RowAsync(string conversationId)
    {
        await using var db = TestDatabases.Sqlite(_connectionString);
        return await db.Conversations.AsNoTracking().SingleAsync(c => c.ConversationId == conversationId, TestContext.Current.CancellationToken);
    }

    private async Task SetRowAsync(string conversationId, Action<ConversationReference> change)
    {
        // Changes the row behind the store's back, to see whether the store writes again.
        await using var db = TestDatabases.Sqlite(_connectionString);
        var row = await db.Conversations.SingleAsync(c => c.ConversationId == conversationId, TestContext.Current.CancellationToken);
        change(row);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task First_activity_inserts_the_conversation()
    {
        var ct = TestContext.Current.CancellationToken;
        await UsingStoreAsync(s => s.RecordAsync(Personal, ct));

        var row = await RowAsync(Personal.ConversationId);
        Assert.Equal("aad-1", row.UserAadObjectId);
        Assert.Equal("29:user-1", row.UserId);
        Assert.Equal(_clock.GetUtcNow(), row.InstalledAt);
        Assert.Equal(_clock.GetUtcNow(), row.LastSeenAt);
        Assert.Null(row.UnreachableSince);
    }

    [Fact]
    public async Task An_unchanged_conversation_seen_again_soon_is_not_written()
    {
        var ct = TestContext.Current.CancellationToken;
        await UsingStoreAsync(s => s.RecordAsync(Personal, ct));
        await SetRowAsync(Personal.ConversationId, r => r.Locale = "changed-behind-our-back");

        _clock.Advance(TimeSpan.FromMinutes(9));
        await UsingStoreAsync(s => s.RecordAsync(Personal, ct));

        var row = await RowAsync(Personal.ConversationId);
        Assert.Equal("changed-behind-our-back", row.Locale);
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromMinutes(9), row.LastSeenAt);
    }

    [Fact]
    public async Task An_unchanged_conversation_refreshes_last_seen_after_ten_minutes()
    {
        var ct = TestContext.Current.CancellationToken;
        await UsingStoreAsync(s => s.RecordAsync(Personal, ct));

        _clock.Advance(TimeSpan.FromMinutes(11));
        await UsingStoreAsync(s => s.RecordAsync(Personal, ct));

        Assert.Equal(_clock.GetUtcNow(), (await RowAsync(Personal.ConversationId)).LastSeenAt);
    }

    [Fact]
    public async Task A_changed_detail_is_written_at_once_and_missing_details_are_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await UsingStoreAsync(s => s.RecordAsync(Personal, ct));

        _clock.Advance(TimeSpan.FromSeconds(5));
        await UsingStoreAsync(s => s.RecordAsync(Personal with { ServiceUrl = "https://smba.trafficmanager.net/emea/", Locale = null }, ct));

        var row = await RowAsync(Personal.ConversationId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", row.ServiceUrl);
        Assert.Equal("en-GB", row.Locale);
        Assert.Equal(_clock.GetUtcNow(), row.LastSeenAt);
    }

    [Fact]
    public async Task Marking_unreachable_records_when_and_why_and_any_new_activity_clears_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await UsingStoreAsync(s => s.RecordAsync(Personal, ct));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await UsingStoreAsync(s => s.MarkUnreachableAsync(Personal.ConversationId, "BotBlocked", ct));

        var marked = await RowAsync(Personal.ConversationId);
        Assert.Equal(_clock.GetUtcNow(), marked.UnreachableSince);
        Assert.Equal("BotBlocked", marked.UnreachableReason);

        // Same snapshot, well within ten minutes: the mark still has to be cleared.
        _clock.Advance(TimeSpan.FromMinutes(1));
        await UsingStoreAsync(s => s.RecordAsync(Personal, ct));
        var cleared = await RowAsync(Personal.ConversationId);
        Assert.Null(cleared.UnreachableSince);
        Assert.Null(cleared.UnreachableReason);
    }

    [Fact]
    public async Task Uninstall_then_reinstall_marks_removed_then_reachable_with_a_new_install_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var channel = new ConversationSnapshot
        {
            ConversationId = "19:general@thread.tacv2",
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/uk/",
            ConversationType = "channel",
            TeamId = "19:team@thread.tacv2",
            ChannelName = "General",
            IsInstall = true,
        };
        await UsingStoreAsync(s => s.RecordAsync(channel, ct));
        var installedAt = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromDays(2));
        await UsingStoreAsync(s => s.MarkRemovedAsync(channel.ConversationId, ct));
        Assert.Equal(ConversationStore.AppRemoved, (await RowAsync(channel.ConversationId)).UnreachableReason);

        _clock.Advance(TimeSpan.FromDays(1));
        await UsingStoreAsync(s => s.RecordAsync(channel, ct));
        var row = await RowAsync(channel.ConversationId);
        Assert.Null(row.UnreachableSince);
        Assert.Equal(_clock.GetUtcNow(), row.InstalledAt);
        Assert.NotEqual(installedAt, row.InstalledAt);
        Assert.Equal(("19:team@thread.tacv2", "General"), (row.TeamId, row.ChannelName));
    }
}
