using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards;

/// The part the welcome and help cards share: what OspBot does for this person, and the commands they can use.
internal static class RoleSection
{
    private const string Secretariat = "the OSP secretariat (Oxford City Council Policy & Partnerships Team)";

    public static IEnumerable<CardElement> For(CardAudience audience, IReadOnlyList<string> subGroups)
    {
        foreach (var paragraph in Paragraphs(audience, subGroups))
        {
            yield return new TextBlock(paragraph);
        }

        yield return new TextBlock("Commands") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        yield return new FactSet([.. BotCommands.For(audience).Select(c => new Fact(c.Usage, c.Description))]);
    }

    /// One-click buttons for the read-only commands; they post the command as the user's message.
    public static IReadOnlyList<CardAction>? Shortcuts(CardAudience audience)
    {
        var shortcuts = BotCommands.For(audience).Where(c => c.IsShortcut).ToList();
        return shortcuts.Count == 0
            ? null
            : [.. shortcuts.Select(c => SubmitAction.ImBack(char.ToUpperInvariant(c.Usage[0]) + c.Usage[1..], c.Usage))];
    }

    private static IEnumerable<string> Paragraphs(CardAudience audience, IReadOnlyList<string> subGroups) => audience switch
    {
        CardAudience.Unknown =>
        [
            "I could not match you to the OSP directory, so I cannot yet ask you for updates or send you meeting invitations.",
            $"Ask {Secretariat} to link your Teams account to your OSP membership, then say **help** again.",
        ],
        CardAudience.Member =>
        [
            $"You are a member of the Oxford Strategic Partnership{InSubGroups(subGroups)}. "
                + "I send you invitations and reminders for OSP meetings.",
        ],
        CardAudience.SubGroupLead =>
        [
            $"You lead {SubGroupNames(subGroups)}. Each quarter I ask you for your sub-group's update to the OSP steering group:",
            """
            1. Achievements since last update
            2. Plans for the next six months
            3. Challenges and/or blocks to progress
            4. Requests for OSP support/advice/action/intervention (if required)
            """,
            "I also send you invitations and reminders for OSP meetings.",
        ],
        CardAudience.Secretariat =>
        [
            "You are part of the OSP secretariat. I ask sub-group chairs and leads for their quarterly updates, "
                + "show you who has answered, send meeting invitations and reminders, and compile the annual report.",
        ],
        CardAudience.OspChair =>
        [
            "You chair the Oxford Strategic Partnership. I send you invitations and reminders for OSP meetings; "
                + $"quarterly updates and the annual report are run by {Secretariat}.",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    };

    private static string InSubGroups(IReadOnlyList<string> subGroups) =>
        subGroups.Count == 0 ? string.Empty : $" ({JoinNames(subGroups)})";

    private static string SubGroupNames(IReadOnlyList<string> subGroups) => subGroups.Count switch
    {
        0 => "an OSP sub-group",
        1 => $"the {JoinNames(subGroups)} sub-group",
        _ => $"the {JoinNames(subGroups)} sub-groups",
    };

    // Sub-group names come from the directory, which people edit: escape them like any user text.
    private static string JoinNames(IReadOnlyList<string> names)
    {
        var escaped = names.Select(n => CardText.Quote(n, 80)).ToList();
        return escaped.Count == 1
            ? escaped[0]
            : string.Join(", ", escaped.Take(escaped.Count - 1)) + " and " + escaped[^1];
    }
}
