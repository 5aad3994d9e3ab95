namespace OspBot.Members;

/// Names in the directory that stand for nobody yet.
public static class PersonNames
{
    /// The sample directory marks the seats it could not name with "(placeholder)"; cards show the seat, not the
    /// marker as if it were a person, until the secretariat renames them.
    public const string PlaceholderMark = "(placeholder)";

    public static bool IsPlaceholder(string? name) =>
        name is not null && name.Contains(PlaceholderMark, StringComparison.OrdinalIgnoreCase);

    /// The name for a sentence ("Submitted by …"): a placeholder's name is the seat it stands for
    /// ("Economic Development Lead (placeholder)" reads "Economic Development Lead").
    public static string Shown(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsPlaceholder(name) ? name.Replace(PlaceholderMark, "", StringComparison.OrdinalIgnoreCase).Trim() : name;
    }
}
