using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace OspBot.Tests.EndToEnd;

/// Issue 4, end to end in the Agents Playground through headless Chromium: "the secretariat schedules a meeting
/// (no Graph) and a member receives the reminder card with the agenda." The UI acts as Hannah only, who is both the
/// secretariat and a member of Stronger Communities (<see cref="OspDirectoryFixture"/>): she books the group's meeting
/// through the form, is told no invitation went out without Graph, and the dispatch job then sends her the reminder,
/// from which she sends apologies.
public sealed class ScheduleMeetingUiTests(MeetingsFixture playground) : EndToEndTest<MeetingsFixture>(playground)
{
    private const string Title = "Stronger Communities catch-up";
    private const string AgendaFirst = "Community hubs: Rose Hill next";
    private const string AgendaSecond = "Recruiting a supporting officer";

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task The_secretariat_schedules_a_meeting_without_graph_and_the_member_gets_the_reminder_with_the_agenda()
    {
        SkipIfUnavailable(browser: true);
        await using var browser = await PlaygroundBrowser.OpenAsync(Playground.PlaygroundUrl);
        await browser.Page.SetViewportSizeAsync(1400, 2000);
        try
        {
            await Assertions.Expect(browser.Cards.First).ToContainTextAsync(WelcomeHeading);
            Step("chat open");
            await ScheduleAsync(browser);
            await ReminderArrivesAsync(browser);
        }
        catch (Exception) when (!Ct.IsCancellationRequested)
        {
            Log($"Screenshot of the failure: {await browser.ScreenshotAsync("meeting-failure")}");
            throw;
        }
    }

    private async Task ScheduleAsync(PlaygroundBrowser browser)
    {
        await browser.SendAsync("schedule meeting");
        var form = browser.CardAfter("schedule meeting");
        await Assertions.Expect(form).ToContainTextAsync("Schedule a meeting");
        await Assertions.Expect(form).ToContainTextAsync("Finding free times needs Microsoft Graph");

        await PlaygroundInputs.ChooseAsync(browser.Page, form.GetByRole(AriaRole.Combobox, new() { Name = "Group", Exact = true }), OspDirectoryFixture.HannahGroup);
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Title", Exact = true }).FillAsync(Title);
        await form.Locator("textarea").First.FillAsync($"{AgendaFirst}\n{AgendaSecond}");
        await PlaygroundInputs.PickDateAsync(browser.Page, form.GetByRole(AriaRole.Combobox, new() { Name = "Date", Exact = true }), Playground.MeetingDay);
        var time = MeetingsFixture.MeetingTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        await PlaygroundInputs.ChooseAsync(browser.Page, form.GetByRole(AriaRole.Combobox, new() { Name = "Start time (London)", Exact = true }), time);
        Log($"Screenshot: {await browser.ScreenshotAsync("meeting-01-form")}");
        Assert.True(DateTimeOffset.UtcNow < Playground.ReminderDue,
            $"The form was filled after the reminder fell due ({Playground.ReminderDue:O}); raise MeetingsFixture.ReminderLead.");

        await form.GetByRole(AriaRole.Button, new() { Name = "Schedule at this time" }).ClickAsync();

        // The form becomes the secretariat's meeting card.
        await Assertions.Expect(form).ToContainTextAsync("Meeting scheduled.");
        await Assertions.Expect(form).ToContainTextAsync("No calendar invitation was sent because Microsoft Graph is not configured");
        await Assertions.Expect(form.GetByText("Download .ics", new() { Exact = true })).ToBeVisibleAsync();
        Step("meeting scheduled");
        Log($"Screenshot: {await browser.ScreenshotAsync("meeting-02-scheduled")}");
    }

    private async Task ReminderArrivesAsync(PlaygroundBrowser browser)
    {
        var wait = Playground.ReminderDue - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        Log($"Reminder due at {Playground.ReminderDue:HH:mm:ss} UTC; waiting up to {wait.TotalSeconds:F0} s");
        var reminder = browser.Cards.Filter(new() { HasText = "Send apologies" }).Filter(new() { HasText = Title });
        await Assertions.Expect(reminder).ToHaveCountAsync(1, new() { Timeout = (float)wait.TotalMilliseconds });
        await Assertions.Expect(reminder).ToContainTextAsync(AgendaFirst);
        await Assertions.Expect(reminder).ToContainTextAsync(AgendaSecond);
        await Assertions.Expect(reminder).ToContainTextAsync(OspDirectoryFixture.HannahGroup);
        Step("reminder arrived");
        await reminder.ScrollIntoViewIfNeededAsync();
        Log($"Screenshot: {await browser.ScreenshotAsync("meeting-03-reminder")}");

        // "Send apologies" opens the note; sending replaces the reminder with the confirmation.
        var card = reminder.First;
        await card.GetByRole(AriaRole.Button, new() { Name = "Send apologies" }).First.ClickAsync();
        await card.Locator("textarea").FillAsync("On leave that week");
        await card.GetByRole(AriaRole.Button, new() { Name = "Send apologies" }).Last.ClickAsync();
        var confirmed = browser.Cards.Filter(new() { HasText = "Your apologies were sent to the OSP secretariat" });
        await Assertions.Expect(confirmed).ToContainTextAsync("On leave that week");
        await Assertions.Expect(confirmed).ToContainTextAsync(AgendaFirst);
        Step("apologies sent");
        Log($"Screenshot: {await browser.ScreenshotAsync("meeting-04-apologies")}");
    }

    private void Step(string what) => Log($"{_clock.Elapsed.TotalSeconds,6:F1} s  {what}");
}
