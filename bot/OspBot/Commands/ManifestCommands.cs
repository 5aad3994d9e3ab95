namespace OspBot.Commands;

/// The Teams manifest's command lists as the command table says they should be (manifest/manifest.json is checked
/// against this by a test; Teams shows at most 10 commands per list).
internal static class ManifestCommands
{
    public static IReadOnlyList<(string Title, string Description)> For(CommandTable table, CommandScopes scope)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.ListedIn(scope).Select(c => (c.Name, c.Description))];
    }
}
