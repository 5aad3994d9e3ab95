using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Members;
using OspBot.Tests.Fakes;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Members;

/// The secretariat's `directory` card over HTTP (OspBotApp + FakeConnector); every card is schema-checked by the wire.
public sealed class DirectoryInTeamsTests
{
    private static readonly TeamsUser Newcomer = new("aad-newcomer", "29:newcomer", "a:newcomer");
    private const string Tricky = "Ada *Bold* <b>Love</b> [x](http://e.vil)";
    private const string TrickyEscaped = @"Ada \*Bold\* \<b\>Love\</b\> \[x\](http://e.vil)";

    [Fact]
    public async Task Secretariat_adds_a_person_makes_them_lead_and_links_an_unmatched_teams_user()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);
        await wire.OpenRoundAsync(ct);
        Assert.Contains("I could not match you", Text(Assert.Single(await wire.SayAsync(Newcomer, "hi", ct))));
        Assert.Contains("I don't know you yet", Text(Assert.Single(await wire.SayAsync(Newcomer, "my update", ct))));

        var card = Assert.Single(await wire.SayAsync(Sec, "directory", ct));
        Assert.Contains("OSP directory", Text(card));
        Assert.Contains(Newcomer.Aad, Text(card));
        Assert.DoesNotContain(LeadA.Aad, Text(card));
        Assert.True(CardData.Has(card, "directory.setRole") && CardData.Has(card, "directory.addPerson") && CardData.Has(card, "directory.link"));

        var added = await wire.ExecuteAsync(Sec, "directory.addPerson", new JsonObject
        {
            ["newName"] = Tricky,
            ["newOrganisation"] = "Oxford & Co",
            ["newRoleTitle"] = "Director",
            ["newEmail"] = "ada@example.org",
        }, ct);
        Assert.Contains(TrickyEscaped + " has been added to the directory.", Text(added));
        var personId = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.Name == Tricky).Select(p => p.Id).SingleAsync(ct));

        var seated = await wire.ExecuteAsync(Sec, "directory.setRole", Ids(("seatPerson", personId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("seatGroup", groupA), ("seatRole", "lead")), ct);
        Assert.Contains(TrickyEscaped + " is now lead of", Text(seated));
        Assert.Contains(TrickyEscaped, Markdown(seated)); // the group's Lead fact
        Assert.DoesNotContain(Tricky, Markdown(seated)); // markdown never unescaped; choice titles are plain text

        var linked = await wire.ExecuteAsync(Sec, "directory.link", Ids(("linkUser", Newcomer.Aad), ("linkPerson", personId.ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);
        Assert.Contains("This Teams account is now linked to " + TrickyEscaped, Text(linked));
        Assert.DoesNotContain(Newcomer.Aad, Text(linked));

        // At once (the editor clears the directory cache): the newcomer is a lead with an update to write.
        Assert.Contains("You lead", Text(Assert.Single(await wire.SayAsync(Newcomer, "help", ct))));
        var mine = await wire.SayAsync(Newcomer, "my update", ct);
        Assert.Contains(mine, c => CardData.Has(c, "update.saveDraft") || CardData.Has(c, "update.submit"));
    }

    [Fact]
    public async Task Errors_show_inline_and_an_incomplete_form_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        await wire.LinkAsync(ct);
        var leadAId = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.EntraObjectId == LeadA.Aad).Select(p => p.Id).SingleAsync(ct));
        var id = leadAId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noGroup = await wire.ExecuteAsync(Sec, "directory.setRole", Ids(("seatPerson", id), ("seatGroup", "no-such-group"), ("seatRole", "deputy")), ct);
        Assert.Contains("There is no group 'no-such-group'.", Text(noGroup));
        Assert.Contains("\"attention\"", noGroup.GetRawText(), StringComparison.Ordinal);

        var conflict = await wire.ExecuteAsync(Sec, "directory.link", Ids(("linkUser", LeadB.Aad), ("linkPerson", id)), ct);
        Assert.Contains("That Teams account is already linked to", Text(conflict));
        Assert.Equal(LeadA.Aad, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.Id == leadAId).Select(p => p.EntraObjectId).SingleAsync(ct)));

        var people = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.CountAsync(ct));
        Assert.Contains("Give the new person's name.", Text(await wire.ExecuteAsync(Sec, "directory.addPerson", Ids(("newName", "  ")), ct)));
        Assert.Contains("Pick a person, a group and a role", Text(await wire.ExecuteAsync(Sec, "directory.setRole", Ids(("seatPerson", id), ("seatRole", "boss")), ct)));
        Assert.Equal(people, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.CountAsync(ct)));
    }

    [Fact]
    public async Task A_member_is_refused_and_an_unmatched_user_sees_no_names()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);
        var secName = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.EntraObjectId == Sec.Aad).Select(p => p.Name).SingleAsync(ct));
        var otherName = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.EntraObjectId == LeadB.Aad).Select(p => p.Name).SingleAsync(ct));
        var seats = await SeatCountAsync(wire, ct);

        Assert.Contains("only the OSP secretariat", Text(Assert.Single(await wire.SayAsync(LeadA, "directory", ct))));
        var refused = await wire.ExecuteAsync(LeadA, "directory.setRole", Ids(("seatPerson", "1"), ("seatGroup", groupA), ("seatRole", "remove")), ct);
        Assert.Contains("only the OSP secretariat", Text(refused));
        // A member is told whom to ask (the secretariat, by name), and nothing more of the directory.
        Assert.Contains(secName, refused.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(otherName, refused.GetRawText(), StringComparison.Ordinal);
        Assert.False(CardData.Has(refused, "directory.setRole"));

        var stranger = Assert.Single(await wire.SayAsync(Stranger, "directory", ct));
        Assert.Contains("I don't know you yet", Text(stranger));
        var link = await wire.ExecuteAsync(Stranger, "directory.link", Ids(("linkUser", Stranger.Aad), ("linkPerson", "1")), ct);
        Assert.Contains("I don't know you yet", Text(link));
        Assert.DoesNotContain(secName, link.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(seats, await SeatCountAsync(wire, ct));
        Assert.False(await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.AnyAsync(p => p.EntraObjectId == Stranger.Aad, ct)));
    }

    [Fact]
    public async Task A_submit_fallback_from_an_old_client_removes_a_seat()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);
        var leadAId = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.EntraObjectId == LeadA.Aad).Select(p => p.Id).SingleAsync(ct));
        var before = wire.Connector.Requests.Count;
        var id = Guid.NewGuid().ToString("N");
        var message = wire.MessageFrom(Sec, "", id);
        message["value"] = Ids(("verb", "directory.setRole"), ("seatPerson", leadAId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("seatGroup", groupA), ("seatRole", "remove"));
        using var response = await wire.Client.PostAsync("/api/messages", Activities.Json(message), ct);
        response.EnsureSuccessStatusCode();
        await wire.Connector.WaitForAsync(r => r.Path.EndsWith("/activities/" + id, StringComparison.Ordinal), ct);

        var reply = Card(Assert.Single(wire.Connector.Requests.Skip(before), r => r.Path.EndsWith("/activities/" + id, StringComparison.Ordinal)).Body!.Value);
        Assert.Contains("is no longer in", Text(reply));
        Assert.False(await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Memberships.AnyAsync(m => m.PersonId == leadAId && m.Group!.Key == groupA, ct)));
    }

    private static Task<int> SeatCountAsync(RoundsWire wire, CancellationToken ct) =>
        wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Memberships.CountAsync(ct));

    private static JsonObject Ids(params (string Key, string Value)[] pairs)
    {
        var json = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            json[key] = value;
        }
        return json;
    }

    /// Every string a person reads on the card (text, fact titles and values, choice titles), joined by lines.
    private static string Text(JsonElement node) => string.Join('\n', Strings(node));

    /// The strings Teams renders as markdown: TextBlocks and facts, not choice titles (plain text).
    private static string Markdown(JsonElement node) => string.Join('\n', Strings(node, withChoices: false));

    private static IEnumerable<string> Strings(JsonElement node, bool withChoices = true) => node.ValueKind switch
    {
        JsonValueKind.Object => node.EnumerateObject().Where(p => withChoices || p.Name != "choices").SelectMany(p => p.Value.ValueKind == JsonValueKind.String
            ? (p.Name is "text" or "title" or "value" ? [p.Value.GetString()!] : [])
            : Strings(p.Value, withChoices)),
        JsonValueKind.Array => node.EnumerateArray().SelectMany(e => Strings(e, withChoices)),
        _ => [],
    };
}
