namespace OspBot.Commands;

/// Who may use a command. A person holds every role that applies to them: a secretariat officer who also leads a
/// sub-group is Secretariat | Lead | Member | Anyone.
[Flags]
internal enum Roles
{
    None = 0,

    /// Oxford City Council's Policy & Partnerships Team.
    Secretariat = 1,

    /// The chair of the Oxford Strategic Partnership.
    OspChair = 2,

    /// Chair of a sub-group.
    Chair = 4,

    /// Lead of a sub-group.
    Lead = 8,

    /// Deputy of a sub-group.
    Deputy = 16,

    /// Anyone the OSP directory knows.
    Member = 32,

    /// Everyone, also people the directory does not know yet.
    Anyone = 64,

    /// Those who write a sub-group's update.
    SubGroupSeat = Chair | Lead | Deputy,
}

internal static class RoleNames
{
    /// "the OSP secretariat", "sub-group chairs, leads and deputies": for refusals.
    public static string Describe(Roles roles)
    {
        List<string> names = [];
        if (roles.HasFlag(Roles.Anyone))
        {
            return "everyone";
        }
        if (roles.HasFlag(Roles.Secretariat))
        {
            names.Add("the OSP secretariat");
        }
        if (roles.HasFlag(Roles.OspChair))
        {
            names.Add("the OSP chair");
        }
        if ((roles & Roles.SubGroupSeat) != 0)
        {
            var seats = new[] { (Roles.Chair, "chairs"), (Roles.Lead, "leads"), (Roles.Deputy, "deputies") }
                .Where(s => roles.HasFlag(s.Item1)).Select(s => s.Item2).ToList();
            names.Add("sub-group " + Join(seats));
        }
        if (roles.HasFlag(Roles.Member))
        {
            names.Add("people in the OSP directory");
        }
        return names.Count == 0 ? "nobody" : Join(names);
    }

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
