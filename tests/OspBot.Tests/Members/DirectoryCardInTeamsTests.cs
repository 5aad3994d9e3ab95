using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Members;
using OspBot.Tests.Cards;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Members;

/// Issue 13: the directory card names Teams users it cannot match by their Teams name, with London times, shows how
/// OspBot reaches each person, and lets the secretariat (only) rename a person, placeholders included.
/// Every card is checked against the Adaptive Card 1.5 schema by the wire.
public sealed class DirectoryCardInTeamsTests
{
    private static readonly TeamsUser Priya = new("aad-priya", "29:priya", "a:priya", "Priya Shah");

    [Fact]
    public async Task Unmatched_users_show_by_teams_name_in_london_time_and_each_person_by_channel()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        await wire.SayAsync(Priya, "hi", ct);
        var seen = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Conversations
            .Where(c => c.UserAadObjectId == Priya.Aad).Select(c => new { c.UserName, c.LastSeenAt }).SingleAsync(ct));
        Assert.Equal("Priya Shah", seen.UserName);
        var leadId = await PersonIdAsync(wire, LeadA, ct);
        await wire.ExecuteAsync(Sec, "directory.setChannel", Ids(("channelPerson", leadId), ("channel", "TeamsThenEmail")), ct);

        var card = Assert.Single(await wire.SayAsync(Sec, "directory", ct));

        var facts = Facts(card);
        // October: London is an hour ahead of UTC, and the card says London's time, in words.
        var london = TimeZoneInfo.ConvertTime(seen.LastSeenAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.Equal("last seen " + london.ToString("dddd d MMMM yyyy, H:mm", CultureInfo.InvariantCulture), facts["Priya Shah"]);
        Assert.DoesNotContain("UTC", card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Priya.Aad, string.Join('\n', CardQueries.Texts(card).Concat(facts.Keys)), StringComparison.Ordinal);
        var leadName = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.EntraObjectId == LeadA.Aad).Select(p => p.Name).SingleAsync(ct));
        Assert.Equal("Teams then e-mail", facts[leadName]);
        Assert.Contains(facts.Values, v => v == "Automatic · not linked to Teams yet");
    }

    [Fact]
    public async Task The_secretariat_renames_a_placeholder_and_a_bad_name_is_refused_inline()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        var id = await PersonIdAsync(wire, LeadA, ct);
        var before = await NameAsync(wire, LeadA, ct);
        Assert.True(PersonNames.IsPlaceholder(before), before);
        var card = Assert.Single(await wire.SayAsync(Sec, "directory", ct));
        Assert.True(CardData.Has(card, "directory.rename"));

        foreach (var (name, error) in new[]
        {
            ("   ", "Give the new name."),
            (new string('x', 201), "A name can be at most 200 characters."),
            ("Rajesh\nPatel", "A name is one line, without tabs or line breaks."),
        })
        {
            var refused = await wire.ExecuteAsync(Sec, "directory.rename", Ids(("renamePerson", id), ("renameTo", name)), ct);
            Assert.Contains(error, CardQueries.Texts(refused));
            Assert.Equal(before, await NameAsync(wire, LeadA, ct));
        }

        var renamed = await wire.ExecuteAsync(Sec, "directory.rename", Ids(("renamePerson", id), ("renameTo", "  Rajesh Patel ")), ct);
        Assert.Contains($"{before} is now Rajesh Patel.", CardQueries.Texts(renamed).Select(CardQueries.Displayed));
        Assert.Equal("Rajesh Patel", await NameAsync(wire, LeadA, ct));
        Assert.Contains("Rajesh Patel", Facts(renamed).Keys);
    }

    [Fact]
    public async Task Only_the_secretariat_may_rename()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        var id = await PersonIdAsync(wire, LeadB, ct);
        var before = await NameAsync(wire, LeadB, ct);

        var refused = await wire.ExecuteAsync(LeadA, "directory.rename", Ids(("renamePerson", id), ("renameTo", "Mallory")), ct);

        Assert.Contains(CardQueries.Texts(refused), t => t.Contains("only the OSP secretariat", StringComparison.Ordinal));
        Assert.False(CardData.Has(refused, "directory.rename"));
        Assert.Equal(before, await NameAsync(wire, LeadB, ct));
    }

    private static async Task<string> PersonIdAsync(RoundsWire wire, TeamsUser user, CancellationToken ct) =>
        (await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.EntraObjectId == user.Aad).Select(p => p.Id).SingleAsync(ct)))
        .ToString(CultureInfo.InvariantCulture);

    private static Task<string> NameAsync(RoundsWire wire, TeamsUser user, CancellationToken ct) =>
        wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.AsNoTracking().Where(p => p.EntraObjectId == user.Aad).Select(p => p.Name).SingleAsync(ct));

    /// The card's facts as shown (title to value); the unmatched users' e-mail tests read the card the same way.
    internal static Dictionary<string, string> Facts(JsonElement card) =>
        CardQueries.OfType(card, "FactSet").SelectMany(f => f.GetProperty("facts").EnumerateArray())
            .GroupBy(f => CardQueries.Displayed(f.GetProperty("title").GetString()!))
            .ToDictionary(g => g.Key, g => CardQueries.Displayed(g.First().GetProperty("value").GetString()!));

    private static JsonObject Ids(params (string Key, string Value)[] pairs)
    {
        var json = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            json[key] = value;
        }
        return json;
    }
}
