using System.Globalization;
using OspBot.Members;

namespace OspBot.Reports;

/// A standing setting as the card edits it: its key (the input's id), label, hint and limit, how it reads from and
/// writes to the settings, and what is wrong with a typed value (null when nothing).
internal sealed record StandingField(
    string Key, string Label, string Hint, int MaxLength, bool Multiline,
    Func<SubGroupStanding, string> Show, Func<SubGroupStanding, string, SubGroupStanding> Apply, Func<string, string?>? Problem = null);

/// The sub-group's standing settings, in the order of the report they feed.
internal static class StandingFields
{
    public const string Approver = "approver";

    /// The card's two parts (each within Teams' card size): the text about the group, then its projects and people.
    public static IReadOnlyList<(string Key, string Title)> Parts { get; } = [("about", "About the group"), ("projects", "Projects and people")];

    /// The fields of one part ("about" or "projects"; anything else is the first).
    public static IEnumerable<StandingField> Of(string part) => part == Parts[1].Key ? All.Skip(4) : All.Take(4);

    private const int Long = 8000;

    public static IReadOnlyList<StandingField> All { get; } =
    [
        Text("background", "Background", "Who the sub-group works for and why; one line a paragraph, \"- \" a bullet.",
            s => s.Background, (s, v) => s with { Background = v }),
        Text("wayOfWorking", "Our way of working", "How the group works; the partnership table follows it.",
            s => s.WayOfWorking, (s, v) => s with { WayOfWorking = v }),
        new("partnerships", "Partnership table",
            "First line the column headings, then a row a line; cells split by \"|\". y or ✓ prints ✓, x or n prints ✗, other words are kept as notes.",
            4000, true, s => s.PartnershipTable, (s, v) => s with { PartnershipTable = v }, PartnershipTable.Problem),
        Text("afterTable", "After the table", "What follows the table: the strategies partners deliver, campaigns, needs assessment.",
            s => s.AfterTable, (s, v) => s with { AfterTable = v }),
        Text("taskAndFinish", "Task-and-finish projects", "Each project starts with a line \"# its title\"; the lines under it describe it.",
            s => s.TaskAndFinish, (s, v) => s with { TaskAndFinish = v }),
        Text("related", "Related projects", "A lead-in, then each project as a \"- \" line (the report letters them a., b., …).",
            s => s.RelatedProjects, (s, v) => s with { RelatedProjects = v }),
        Text("invited", "People to be invited", "Who the group will invite to join, as sentences.",
            s => s.ToBeInvited, (s, v) => s with { ToBeInvited = v }),
        new(Approver, "Who approves our part of the council report", "The chair or the lead.", 8, false,
            s => s.ApprovedBy == MembershipRole.Lead ? "lead" : "chair",
            (s, v) => s with { ApprovedBy = Role(v) ?? s.ApprovedBy },
            v => Role(v) is null ? "Choose the chair or the lead." : null),
    ];

    /// "chair" or "lead" as a role; null for anything else.
    public static MembershipRole? Role(string typed) => typed.Trim().ToLower(CultureInfo.InvariantCulture) switch
    {
        "chair" => MembershipRole.Chair,
        "lead" => MembershipRole.Lead,
        _ => null,
    };

    private static StandingField Text(string key, string label, string hint, Func<SubGroupStanding, string> show, Func<SubGroupStanding, string, SubGroupStanding> apply) =>
        new(key, label, hint, Long, true, show, apply);
}
