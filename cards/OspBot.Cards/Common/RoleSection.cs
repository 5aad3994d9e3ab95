using OspBot.Cards.Model;

namespace OspBot.Cards.Common;

/// Who a welcome or help card is for: what they are to the OSP, and the commands they may use (the bot's command
/// table decides which; the card only shows them).
internal sealed record Audience
{
    /// False for someone the OSP directory does not know (yet).
    public bool IsKnown { get; init; }

    public bool IsSecretariat { get; init; }

    public bool IsOspChair { get; init; }

    /// The sub-groups they chair, lead or deputise for, by name.
    public IReadOnlyList<string> SubGroupsLed { get; init; } = [];

    /// Every group they sit on, by name.
    public IReadOnlyList<string> Groups { get; init; } = [];

    public IReadOnlyList<CommandLine> Commands { get; init; } = [];
}

/// A command as the cards list it.
internal sealed record CommandLine(string Usage, string Description, bool IsShortcut);

/// The part the welcome and help cards share: what OspBot does for this person, for each role they hold, and the
/// commands they can use.
internal static class RoleSection
{
    public static IEnumerable<CardElement> For(Audience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        foreach (var paragraph in Paragraphs(audience))
        {
            yield return new TextBlock(paragraph);
        }

        yield return new TextBlock("Commands") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        yield return new FactSet([.. audience.Commands.Select(c => new Fact(c.Usage, c.Description))]);
    }

    /// One-click buttons for the read-only commands; they post the command as the user's message.
    public static IReadOnlyList<CardAction>? Shortcuts(Audience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var shortcuts = audience.Commands.Where(c => c.IsShortcut).ToList();
        return shortcuts.Count == 0
            ? null
            : [.. shortcuts.Select(c => SubmitAction.ImBack(char.ToUpperInvariant(c.Usage[0]) + c.Usage[1..], c.Usage))];
    }

    private static IEnumerable<string> Paragraphs(Audience audience)
    {
        if (!audience.IsKnown)
        {
            yield return "I could not match you to the OSP directory, so I cannot yet ask you for updates or send you meeting invitations.";
            yield return $"Ask {MessageCards.Secretariat} to link your Teams account to your OSP membership, then say **help** again.";
            yield break;
        }
        if (audience.IsSecretariat)
        {
            yield return "You are part of the OSP secretariat. I ask sub-group chairs and leads for their quarterly updates, "
                + "show you who has answered, send meeting invitations and reminders, and compile the annual report.";
        }
        if (audience.IsOspChair)
        {
            yield return "You chair the Oxford Strategic Partnership. I send you invitations and reminders for OSP meetings; "
                + $"quarterly updates and the annual report are run by {MessageCards.Secretariat}.";
        }
        if (audience.SubGroupsLed.Count > 0)
        {
            yield return $"You lead {SubGroupNames(audience.SubGroupsLed)}. Each quarter I ask you for your sub-group's update to the OSP steering group:";
            yield return """
                1. Achievements since last update
                2. Plans for the next six months
                3. Challenges and/or blocks to progress
                4. Requests for OSP support/advice/action/intervention (if required)
                """;
            yield return "I also send you invitations and reminders for OSP meetings.";
        }
        if (!audience.IsSecretariat && !audience.IsOspChair && audience.SubGroupsLed.Count == 0)
        {
            yield return $"You are a member of the Oxford Strategic Partnership{InGroups(audience.Groups)}. "
                + "I send you invitations and reminders for OSP meetings.";
        }
    }

    private static string InGroups(IReadOnlyList<string> groups) =>
        groups.Count == 0 ? string.Empty : $" ({JoinNames(groups)})";

    private static string SubGroupNames(IReadOnlyList<string> subGroups) => subGroups.Count switch
    {
        1 => $"the {JoinNames(subGroups)} sub-group",
        _ => $"the {JoinNames(subGroups)} sub-groups",
    };

    // Group names come from the directory, which people edit: escape them like any user text.
    private static string JoinNames(IReadOnlyList<string> names)
    {
        var escaped = names.Select(n => CardText.Quote(n, 80)).ToList();
        return escaped.Count == 1
            ? escaped[0]
            : string.Join(", ", escaped.Take(escaped.Count - 1)) + " and " + escaped[^1];
    }
}
