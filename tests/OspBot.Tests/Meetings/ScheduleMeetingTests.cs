using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Meetings.MeetingsWire;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Meetings;

/// The secretariat schedules from Teams with no Graph configured (the local default), over HTTP with the fake
/// connector; RoundsWire checks every card against the Adaptive Card schema.
public sealed class ScheduleMeetingTests
{
    private const string Tricky = "Hubs *review* <b>&</b> [x](http://e.vil)";

    [Fact]
    public async Task Without_graph_the_secretariat_schedules_at_an_exact_time_and_downloads_the_ics()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);

        var form = Assert.Single(await wire.SayAsync(Sec, "schedule meeting", ct));
        Assert.Contains("Schedule a meeting", Text(form), StringComparison.Ordinal);
        Assert.Contains("Finding free times needs Microsoft Graph", Text(form), StringComparison.Ordinal);
        var formId = CardData.Of(form, "meeting.schedule")["formId"]!.GetValue<string>();

        // "Find free times" without Graph: the picker says why and offers the exact time, keeping what was typed.
        var picker = await wire.ExecuteAsync(Sec, "meeting.propose", Form(groupA, Tricky, formId: formId).With("from", "2026-10-12").With("to", "2026-10-16"), ct);
        Assert.Contains("Finding free times needs Microsoft Graph, which is not configured", Text(picker), StringComparison.Ordinal);
        Assert.Equal(Tricky, RoundCardInput(picker, "title"));
        Assert.True(CardData.Has(picker, "meeting.schedule"));

        var card = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, Tricky, "1. Apologies\n2. Hubs", formId: formId), ct);
        var text = Text(card);
        Assert.Contains(@"Hubs \*review\* \<b\>\&\</b\> \[x\](http://e.vil)", text, StringComparison.Ordinal);
        Assert.Contains("Meeting scheduled.", text, StringComparison.Ordinal);
        Assert.Contains("No calendar invitation was sent because Microsoft Graph is not configured – download the .ics", text, StringComparison.Ordinal);
        Assert.Contains("When: Monday 12 October 2026, 10:00–11:00 (London)", text, StringComparison.Ordinal);
        Assert.True(CardData.Has(card, "meeting.move") && CardData.Has(card, "meeting.cancel") && CardData.Has(card, "meeting.responses"));

        // A double click books nothing more: the same card comes back.
        var again = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, Tricky, "1. Apologies\n2. Hubs", formId: formId), ct);
        Assert.Equal(MeetingId(card), MeetingId(again));
        Assert.Equal(1, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Meetings.CountAsync(ct)));

        var link = Link(card, "Download .ics");
        Assert.Equal("http://localhost:3978", link.GetLeftPart(UriPartial.Authority));
        using var response = await wire.Client.GetAsync(link.PathAndQuery, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".ics", (response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "").Trim('"'), StringComparison.Ordinal);
        var ics = await response.Content.ReadAsStringAsync(ct);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/London:20261012T100000", ics, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Errors_come_back_on_the_form_with_what_was_typed_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);

        var past = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, "Hubs", "Agenda kept", date: new DateOnly(2026, 9, 1)), ct);
        Assert.Contains("The meeting starts in the past", Text(past), StringComparison.Ordinal);
        Assert.Equal("Agenda kept", RoundCardInput(past, "agenda"));
        Assert.Equal("2026-09-01", RoundCardInput(past, "date"));

        var noTime = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, "Hubs", time: ""), ct);
        Assert.Contains("Choose a start time.", Text(noTime), StringComparison.Ordinal);
        Assert.Equal("Hubs", RoundCardInput(noTime, "title"));

        var badRange = await wire.ExecuteAsync(Sec, "meeting.propose", Form(groupA, "Hubs").With("from", "2026-10-16").With("to", "2026-10-12"), ct);
        Assert.Contains("The latest day is before the earliest day.", Text(badRange), StringComparison.Ordinal);

        var noGroup = await wire.ExecuteAsync(Sec, "meeting.schedule", Form("no-such-group", "Hubs"), ct);
        Assert.Contains("Choose the group that meets.", Text(noGroup), StringComparison.Ordinal);
        Assert.Equal(0, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Meetings.CountAsync(ct)));
    }

    [Fact]
    public async Task Members_and_strangers_are_refused_politely_and_nothing_is_booked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);

        Assert.Contains("Sorry, only the OSP secretariat can use “schedule meeting”.", Text(Assert.Single(await wire.SayAsync(LeadA, "schedule meeting", ct))), StringComparison.Ordinal);
        Assert.Contains("Sorry, only the OSP secretariat can use “meetings”.", Text(Assert.Single(await wire.SayAsync(LeadA, "meetings", ct))), StringComparison.Ordinal);
        Assert.Contains("only the OSP secretariat", Text(await wire.ExecuteAsync(LeadA, "meeting.schedule", Form(groupA, "Mine"), ct)), StringComparison.Ordinal);
        Assert.Contains("I could not match you", Text(Assert.Single(await wire.SayAsync(Stranger, "schedule meeting", ct))), StringComparison.Ordinal);
        Assert.Equal(0, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Meetings.CountAsync(ct)));
    }

    [Fact]
    public async Task An_ics_link_that_is_forged_for_another_meeting_or_for_a_member_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, groupB) = await wire.LinkAsync(ct);
        var first = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, "One", formId: "a"), ct);
        var second = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupB, "Two", formId: "b"), ct);
        var link = Link(first, "Download .ics").PathAndQuery;
        var token = link[(link.IndexOf("t=", StringComparison.Ordinal) + 2)..];
        var leadId = await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().People.Where(p => p.EntraObjectId == LeadA.Aad).Select(p => p.Id).SingleAsync(ct));
        var memberLink = wire.App.Services.GetRequiredService<OspBot.Meetings.MeetingLinks>().Invitation(MeetingId(first), leadId).PathAndQuery;

        Assert.Equal(HttpStatusCode.NotFound, (await wire.Client.GetAsync($"/meetings/{MeetingId(first)}/invitation.ics?t=forged", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wire.Client.GetAsync($"/meetings/{MeetingId(second)}/invitation.ics?t={token}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wire.Client.GetAsync($"/meetings/{MeetingId(first)}/invitation.ics", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wire.Client.GetAsync(memberLink, ct)).StatusCode);
    }

    private static string? RoundCardInput(System.Text.Json.JsonElement card, string id) =>
        OspBot.Tests.Cards.Rounds.RoundCardChecks.Input(card, id).TryGetProperty("value", out var v) ? v.GetString() : null;
}
