using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Tests.Fakes;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Members;

/// Issue 13: the directory card shows a Teams user it cannot match by Teams name and e-mail. Activities carry no
/// e-mail, so the first time such a user writes, the bot asks the connector for their roster entry (the real
/// GetConversationMember call, answered by the fake connector), once, after its reply; a failure leaves the name.
public sealed class UnmatchedEmailInTeamsTests
{
    private static readonly TeamsUser Priya = new("aad-priya", "29:priya", "a:priya", "Priya Shah");
    private static readonly TeamsUser Omar = new("aad-omar", "29:omar", "a:omar", "Omar Farouk");

    // The test host turns the look-up off (OspBotApp); this is the product's default.
    private static readonly (string, string) LookUpOn = ("Teams:LookUpUnmatchedEmails", "true");

    private int _ids;

    [Fact]
    public async Task An_unmatched_user_is_shown_with_the_email_teams_gives_asked_once_after_the_reply()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(null, LookUpOn);
        await wire.LinkAsync(ct);
        wire.Connector.Respond = r => Roster(r, Priya, 200, """{"id":"29:priya","name":"Priya Shah","aadObjectId":"aad-priya","email":"priya.shah@example.org"}""");

        await wire.SayAsync(Priya, "hi", ct);
        var asked = await wire.Connector.WaitForAsync(r => IsRosterCall(r, Priya), ct);
        await Eventually.TrueAsync(async t => await EmailAsync(wire, Priya, t) is not null, TimeSpan.FromSeconds(20), "Priya's e-mail kept", ct);
        await wire.SayAsync(Priya, "help", ct);
        var card = Assert.Single(await wire.SayAsync(Sec, "directory", ct));

        Assert.Equal("priya.shah@example.org", await EmailAsync(wire, Priya, ct));
        // Asked after the reply to her first message went out, and not again for her second.
        var firstReply = wire.Connector.Requests.First(r => r.Method == "POST" && r.Path.Contains(Uri.EscapeDataString(Priya.ConversationId), StringComparison.Ordinal));
        Assert.True(asked.Index > firstReply.Index, $"The roster call ({asked.Index}) came before the reply ({firstReply.Index}).");
        Assert.Single(wire.Connector.Requests, r => IsRosterCall(r, Priya));
        Assert.StartsWith("last seen ", DirectoryCardInTeamsTests.Facts(card)["Priya Shah · priya.shah@example.org"], StringComparison.Ordinal);
        Assert.DoesNotContain(wire.Connector.Requests, r => IsRosterCall(r, Sec));
    }

    [Fact]
    public async Task When_teams_refuses_the_card_shows_the_name_and_the_next_user_still_gets_their_email()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync(null, LookUpOn);
        await wire.LinkAsync(ct);
        wire.Connector.Respond = r => IsRosterCall(r, Priya)
            ? (403, """{"error":{"code":"Forbidden","message":"no"}}""")
            : Roster(r, Omar, 200, """{"id":"29:omar","name":"Omar Farouk","aadObjectId":"aad-omar","userPrincipalName":"omar.farouk@example.org"}""");

        await wire.SayAsync(Priya, "hi", ct);
        await wire.Connector.WaitForAsync(r => IsRosterCall(r, Priya), ct);
        await wire.SayAsync(Omar, "hi", ct);
        await Eventually.TrueAsync(async t => await EmailAsync(wire, Omar, t) is not null, TimeSpan.FromSeconds(20), "Omar's e-mail kept", ct);
        var card = Assert.Single(await wire.SayAsync(Sec, "directory", ct));

        var facts = DirectoryCardInTeamsTests.Facts(card);
        Assert.Contains("Priya Shah", facts.Keys);
        Assert.Contains("Omar Farouk · omar.farouk@example.org", facts.Keys);
        Assert.Null(await EmailAsync(wire, Priya, ct));
    }

    private (int, string) Roster(ConnectorRequest request, TeamsUser user, int status, string member) =>
        IsRosterCall(request, user) ? (status, member) : (200, string.Create(CultureInfo.InvariantCulture, $$"""{"id":"{{Interlocked.Increment(ref _ids)}}"}"""));

    private static bool IsRosterCall(ConnectorRequest r, TeamsUser user) =>
        r.Method == "GET" && r.Path.EndsWith("/members/" + Uri.EscapeDataString(user.Mri), StringComparison.Ordinal);

    private static Task<string?> EmailAsync(RoundsWire wire, TeamsUser user, CancellationToken ct) =>
        wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Conversations.AsNoTracking()
            .Where(c => c.UserAadObjectId == user.Aad).Select(c => c.UserEmail).SingleAsync(ct));
}
