using OspBot.Cards.Model;

namespace OspBot.Cards.Common;

internal sealed record WelcomeCardModel
{
    /// As Teams or the directory knows the person; null when neither does.
    public string? DisplayName { get; init; }

    public required Audience Audience { get; init; }
}

internal static class WelcomeCards
{
    public const int MaxNameChars = 80;

    /// Sent once when OspBot is installed for someone: who it is, and what it does for this person.
    public static AdaptiveCard Welcome(WelcomeCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var greeting = string.IsNullOrWhiteSpace(model.DisplayName)
            ? "Welcome to OspBot"
            : $"Welcome to OspBot, {CardText.Quote(model.DisplayName, MaxNameChars)}";

        return new AdaptiveCard
        {
            FallbackText = "Welcome to OspBot, the Oxford Strategic Partnership assistant. Say help to see what I can do.",
            Body =
            [
                new TextBlock(greeting) { Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock("The Oxford Strategic Partnership assistant") { IsSubtle = true, Spacing = Spacing.None },
                .. RoleSection.For(model.Audience),
            ],
            Actions = RoleSection.Shortcuts(model.Audience),
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }
}
