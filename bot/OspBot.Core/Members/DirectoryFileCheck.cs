namespace OspBot.Members;

/// What makes a directory file impossible to apply, found before anything is written: the start fails naming each.
internal static class DirectoryFileCheck
{
    public static List<string> Conflicts(DirectoryFile file, IEnumerable<string> groupKeysInDatabase)
    {
        var conflicts = new List<string>();
        foreach (var key in file.Groups.GroupBy(g => g.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            conflicts.Add($"the group key '{key.Key}' is used by {key.Count()} groups");
        }
        var known = file.Groups.Select(g => g.Key).Concat(groupKeysInDatabase).ToHashSet(StringComparer.Ordinal);
        foreach (var p in file.People)
        {
            conflicts.AddRange(p.Memberships.Where(m => !known.Contains(m.Group))
                .Select(m => $"{p.Name} has a seat in '{m.Group}', which is no group in the file or the directory"));
            conflicts.AddRange(p.Memberships.GroupBy(m => m.Group, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"{p.Name} has {g.Count()} seats in '{g.Key}'"));
        }
        conflicts.AddRange(Shared(file, p => p.Email?.Trim().ToLowerInvariant(), "the e-mail address"));
        conflicts.AddRange(Shared(file, p => p.EntraObjectId?.Trim(), "the Entra id"));
        return conflicts;
    }

    private static IEnumerable<string> Shared(DirectoryFile file, Func<DirectoryFilePerson, string?> key, string what) =>
        file.People.Where(p => !string.IsNullOrEmpty(key(p))).GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(" and ", g.Select(p => p.Name))} have {what} {g.Key}");
}
