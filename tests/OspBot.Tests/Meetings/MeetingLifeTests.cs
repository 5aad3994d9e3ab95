using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Tests.Fakes;
using OspBot.Tests.Rounds;
using static OspBot.Tests.Meetings.MeetingsWire;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.Meetings;

/// After booking: the member's reminder and apologies, the secretariat's lists, moving and cancelling.
public sealed class MeetingLifeTests
{
    [Fact]
    public async Task A_member_gets_the_reminder_with_the_agenda_sends_apologies_and_the_secretariat_sees_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        var card = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, "Hubs review", "1. Apologies\n2. The *hub* pilot"), ct);

        // Seven days before, 10:00 London: the dispatch job sends the reminder.
        wire.Clock.Advance(new DateTimeOffset(2026, 10, 5, 9, 1, 0, TimeSpan.Zero) - wire.Clock.GetUtcNow());
        await wire.DispatchAsync(ct);
        var reminder = Assert.Single(wire.ProactiveTo(LeadA), c => Text(c).Contains("Hubs review", StringComparison.Ordinal));
        Assert.Contains("In 7 days: Hubs review", Text(reminder), StringComparison.Ordinal);
        Assert.Contains(@"1\. Apologies" + "\n\n" + @"2\. The \*hub\* pilot", Text(reminder), StringComparison.Ordinal);
        Assert.Contains("When: Mon 12 Oct 2026 10:00–11:00 (London time)", Text(reminder), StringComparison.Ordinal);

        var thanks = await wire.ExecuteAsync(LeadA, "meeting.apologies", CardData.Of(reminder, "meeting.apologies").With("apologyNote", "At a conference"), ct);
        Assert.Contains("Your apologies were sent to the OSP secretariat", Text(thanks), StringComparison.Ordinal);
        Assert.Contains("At a conference", Text(thanks), StringComparison.Ordinal);
        Assert.False(CardData.Has(thanks, "meeting.apologies"));
        // Pressed again (an old copy of the card): still one apology.
        await wire.ExecuteAsync(LeadA, "meeting.apologies", CardData.Of(reminder, "meeting.apologies").With("apologyNote", "At a conference"), ct);

        var list = await wire.ExecuteAsync(Sec, "meeting.apologyList", CardData.Of(card, "meeting.apologyList"), ct);
        Assert.Contains("At a conference", Text(list), StringComparison.Ordinal);
        Assert.Equal(1, await wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().MeetingApologies.CountAsync(ct)));
        var meetings = Assert.Single(await wire.SayAsync(Sec, "meetings", ct));
        Assert.Contains("Hubs review", Text(meetings), StringComparison.Ordinal);
        Assert.Contains("Apologies: 1", Text(meetings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_moves_then_cancels_and_the_reminders_follow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);
        await wire.SayAsync(LeadA, "hi", ct);
        var card = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, "Hubs review"), ct);

        var moved = await wire.ExecuteAsync(Sec, "meeting.move", CardData.Of(card, "meeting.move").With("date", "2026-10-20").With("time", "14:30").With("duration", "90"), ct);
        Assert.Contains("Meeting moved to Tuesday 20 October 2026, 14:30–16:00 (London)", Text(moved), StringComparison.Ordinal);
        var past = await wire.ExecuteAsync(Sec, "meeting.move", CardData.Of(card, "meeting.move").With("date", "2026-09-20").With("time", "14:30"), ct);
        Assert.Contains("in the past", Text(past), StringComparison.Ordinal);
        Assert.Contains("20 October 2026", Text(past), StringComparison.Ordinal);

        // Nothing at the old reminder time; the moved meeting's first reminder comes a week before its new date.
        wire.Clock.Advance(new DateTimeOffset(2026, 10, 5, 9, 1, 0, TimeSpan.Zero) - wire.Clock.GetUtcNow());
        await wire.DispatchAsync(ct);
        Assert.DoesNotContain(wire.ProactiveTo(LeadA), c => Text(c).Contains("Hubs review", StringComparison.Ordinal));

        var cancelled = await wire.ExecuteAsync(Sec, "meeting.cancel", CardData.Of(moved, "meeting.cancel").With("cancelNote", "Postponed"), ct);
        Assert.StartsWith("Cancelled: Hubs review", Text(cancelled), StringComparison.Ordinal);
        Assert.False(CardData.Has(cancelled, "meeting.move"));
        var twice = await wire.ExecuteAsync(Sec, "meeting.cancel", CardData.Of(moved, "meeting.cancel"), ct);
        Assert.Contains("Cancelled: Hubs review", Text(twice), StringComparison.Ordinal);

        wire.Clock.Advance(TimeSpan.FromDays(9));
        await wire.DispatchAsync(ct);
        Assert.DoesNotContain(wire.ProactiveTo(LeadA), c => Text(c).Contains("Hubs review", StringComparison.Ordinal));
        Assert.Contains("No meetings are scheduled.", Text(Assert.Single(await wire.SayAsync(Sec, "meetings", ct))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_need_graph_and_say_so_and_old_clients_buttons_work_as_messages()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = await StartAsync();
        var (groupA, _) = await wire.LinkAsync(ct);
        var card = await wire.ExecuteAsync(Sec, "meeting.schedule", Form(groupA, "Hubs review"), ct);

        var responses = await wire.ExecuteAsync(Sec, "meeting.responses", CardData.Of(card, "meeting.responses"), ct);
        Assert.Contains("Graph", Text(responses), StringComparison.Ordinal);
        Assert.True(CardData.Has(responses, "meeting.show"));

        // An Action.Submit fallback arrives as a message whose value carries the verb.
        var before = wire.Connector.Requests.Count;
        var submit = wire.MessageFrom(Sec, "", Guid.NewGuid().ToString("N"));
        submit["value"] = new JsonObject { ["verb"] = "meeting.list" };
        using var response = await wire.Client.PostAsync("/api/messages", Activities.Json(submit), ct);
        response.EnsureSuccessStatusCode();
        await wire.Connector.WaitUntilAsync(requests => requests.Skip(before).Any(r => r.Method == "POST"), "the reply", ct);
        var reply = Card(wire.Connector.Requests.Last(r => r.Method == "POST").Body!.Value);
        Assert.Contains("Upcoming meetings", Text(reply), StringComparison.Ordinal);
        Assert.Contains("Hubs review", Text(reply), StringComparison.Ordinal);
    }
}
