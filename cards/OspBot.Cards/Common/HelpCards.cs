using OspBot.Cards.Model;

namespace OspBot.Cards.Common;

internal sealed record HelpCardModel
{
    public required Audience Audience { get; init; }

    /// The message that matched no command; null when the user asked for help.
    public string? NotUnderstood { get; init; }
}

internal static class HelpCards
{
    public const int MaxQuotedChars = 120;

    /// The answer to "help" and to any message OspBot does not understand.
    public static AdaptiveCard Help(HelpCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        TextBlock heading = model.NotUnderstood is null
            ? new("What OspBot can do for you") { Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder }
            : new(NotUnderstoodLine(model.NotUnderstood)) { Weight = TextWeight.Bolder };

        return new AdaptiveCard
        {
            FallbackText = "OspBot help: say help to see the commands I understand.",
            Body = [heading, .. RoleSection.For(model.Audience)],
            Actions = RoleSection.Shortcuts(model.Audience),
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    private static string NotUnderstoodLine(string text)
    {
        var quoted = CardText.Quote(text, MaxQuotedChars);
        return quoted.Length == 0
            ? "Sorry, I did not understand that. Here is what I can do."
            : $"Sorry, I did not understand “{quoted}”. Here is what I can do.";
    }
}
