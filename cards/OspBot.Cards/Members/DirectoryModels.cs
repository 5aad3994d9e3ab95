// Not "...Directory" like the folder: a namespace of that name would hide System.IO.Directory in sibling namespaces.
namespace OspBot.Cards.Members;

/// The secretariat's directory card: every group's seats, the people to pick from, unmatched Teams users,
/// and the outcome of the last edit (a confirmation or an error, never both).
internal sealed record DirectoryCardModel
{
    public required IReadOnlyList<DirectoryGroup> Groups { get; init; }
    public required IReadOnlyList<DirectoryPerson> People { get; init; }
    public IReadOnlyList<UnmatchedUser> Unmatched { get; init; } = [];
    public string? Confirmation { get; init; }
    public string? Error { get; init; }
}

/// Role is the display word ("Chair", "Lead", "Deputy", "Member").
internal sealed record DirectoryGroup(string Key, string Name, IReadOnlyList<DirectorySeat> Seats);

internal sealed record DirectorySeat(string PersonName, string Role, bool IsVacant);

/// Channel: how OspBot reaches them, in words ("Teams then e-mail", "Automatic").
internal sealed record DirectoryPerson(int PersonId, string Name, string? Organisation, bool IsLinked)
{
    public string? Channel { get; init; }
}

/// A Teams user with a personal chat whom the directory cannot match: their Teams name (null if Teams sent none)
/// and when they last wrote, already formatted in London time; Email once Teams has told it.
internal sealed record UnmatchedUser(string EntraObjectId, string? Name, string LastSeen)
{
    public string? Email { get; init; }
}

/// Verbs and input ids of the directory card. Action.Execute sends the verb as value.action.verb; the
/// Action.Submit fallback sends it as data.verb.
internal static class DirectoryVerbs
{
    public const string SetRole = "directory.setRole";
    public const string AddPerson = "directory.addPerson";
    public const string Link = "directory.link";
    public const string Show = "directory.show";
    public const string SetChannel = "directory.setChannel";
    public const string SetJobTitle = "directory.setJobTitle";
    public const string Rename = "directory.rename";

    public const string SeatPerson = "seatPerson";
    public const string SeatGroup = "seatGroup";
    public const string SeatRole = "seatRole";
    public const string NewName = "newName";
    public const string NewOrganisation = "newOrganisation";
    public const string NewRoleTitle = "newRoleTitle";
    public const string NewEmail = "newEmail";
    public const string LinkUser = "linkUser";
    public const string LinkPerson = "linkPerson";
    public const string ChannelPerson = "channelPerson";
    public const string Channel = "channel";

    /// Values of <see cref="Channel"/> with their titles; "automatic" clears the secretariat's choice.
    public const string Automatic = "automatic";
    public static IReadOnlyList<(string Value, string Title)> Channels { get; } =
    [
        (Automatic, "Automatic (Teams inside the council, Teams then e-mail outside it)"),
        ("Teams", "Teams only"),
        ("TeamsThenEmail", "Teams, then e-mail if Teams cannot reach them"),
        ("Email", "E-mail only"),
    ];

    public const string RenamePerson = "renamePerson";
    public const string RenameTo = "renameTo";
    public const int MaxName = 200;

    public const string JobTitlePerson = "jobTitlePerson";
    public const string JobTitle = "jobTitle";

    /// Values of <see cref="SeatRole"/>; "remove" takes the person out of the group.
    public const string Remove = "remove";
    public static IReadOnlyList<string> Roles { get; } = ["chair", "lead", "deputy", "member", Remove];
}
