using System.Globalization;
using Microsoft.Playwright;

namespace OspBot.Tests.EndToEnd;

/// How the playground renders Adaptive Card inputs (Fluent UI), and how a person fills them.
internal static class PlaygroundInputs
{
    /// Input.Date is a DatePicker: open its calendar, page to the month, click the day.
    public static async Task PickDateAsync(IPage page, ILocator input, DateOnly date)
    {
        await input.ClickAsync();
        var calendar = page.GetByRole(AriaRole.Dialog, new() { Name = "Calendar" });
        // The first button is the month shown, named like "November 2026".
        var shown = DateTime.ParseExact(
            await calendar.GetByRole(AriaRole.Button).First.GetAttributeAsync("aria-label") ?? "", "MMMM yyyy", CultureInfo.InvariantCulture);
        for (var i = (date.Year * 12) + date.Month - ((shown.Year * 12) + shown.Month); i > 0; i--)
        {
            await calendar.Locator("button[title^='Next month']").ClickAsync();
        }
        var month = date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        await Assertions.Expect(calendar.GetByRole(AriaRole.Button, new() { Name = month, Exact = true })).ToBeVisibleAsync();
        var day = string.Create(CultureInfo.InvariantCulture, $"{date.Day}, {date:MMMM}, {date.Year}");
        await calendar.GetByRole(AriaRole.Button, new() { Name = day, Exact = true }).ClickAsync();
        await Assertions.Expect(input).Not.ToHaveValueAsync("");
    }

    /// A compact Input.ChoiceSet is a Combobox: open it and pick the option.
    public static async Task ChooseAsync(IPage page, ILocator combobox, string option)
    {
        await combobox.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(combobox).ToHaveValueAsync(option);
    }
}
