namespace OspBot.Members;

/// Applies a directory file to the directory already in the database: new groups, people and seats are added,
/// a group's changed name or approval rule and a seat's changed role are updated, and nothing is deleted: a person
/// or seat the file no longer has is kept and reported. A person's details edited on the directory card (name,
/// title, e-mail) are not overwritten; the file only fills those still empty. Works on tracked entities, whose
/// memberships' Group navigations EF has fixed up, so new and stored seats compare by their group.
internal sealed class DirectoryMerge(List<Group> groups, List<Person> people)
{
    public List<string> Changes { get; } = [];

    public List<string> Kept { get; } = [];

    public List<string> Conflicts { get; } = [];

    public List<Group> NewGroups { get; } = [];

    public List<Person> NewPeople { get; } = [];

    public void Apply(DirectoryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var g in file.Groups)
        {
            MergeGroup(g);
        }
        var matched = new HashSet<Person>();
        foreach (var p in file.People)
        {
            if (Match(p) is { } person)
            {
                matched.Add(person);
                MergePerson(person, p);
            }
            else
            {
                AddPerson(p);
            }
        }
        Kept.AddRange(people.Where(p => !matched.Contains(p) && !NewPeople.Contains(p)).Select(p => $"{p.Name}: kept, not in file"));
    }

    private void MergeGroup(DirectoryFileGroup g)
    {
        var group = groups.SingleOrDefault(x => x.Key == g.Key);
        if (group is null)
        {
            group = new Group { Key = g.Key, Name = g.Name, Kind = g.Kind, RequiresChairApproval = g.RequiresChairApproval };
            groups.Add(group);
            NewGroups.Add(group);
            Changes.Add($"group {g.Key} added ({g.Name})");
            return;
        }
        if (group.Name != g.Name)
        {
            Changes.Add($"group {g.Key} renamed from {group.Name} to {g.Name}");
            group.Name = g.Name;
        }
        if (group.RequiresChairApproval != g.RequiresChairApproval)
        {
            Changes.Add($"group {g.Key}: chair approval {(g.RequiresChairApproval ? "now required" : "no longer required")}");
            group.RequiresChairApproval = g.RequiresChairApproval;
        }
    }

    // By Entra id, then e-mail, then the name the file gave them; two different people by the first two is a conflict.
    private Person? Match(DirectoryFilePerson p)
    {
        var byEntra = p.EntraObjectId is { Length: > 0 } e ? people.SingleOrDefault(x => x.EntraObjectId == e) : null;
        var byEmail = p.Email is { Length: > 0 } m ? people.FirstOrDefault(x => string.Equals(x.Email, m, StringComparison.OrdinalIgnoreCase)) : null;
        if (byEntra is not null && byEmail is not null && byEntra != byEmail)
        {
            Conflicts.Add($"{p.Name}: the Entra id {p.EntraObjectId} is {byEntra.Name}'s in the directory but the e-mail {p.Email} is {byEmail.Name}'s");
            return byEntra;
        }
        // By name only someone whose address and Entra id, if any, are not another's; a vacant seat is "Vacant" by
        // name, and its title tells the seats apart.
        return byEntra ?? byEmail ?? people.FirstOrDefault(x => (x.SeedName ?? x.Name) == p.Name && x.IsVacant == p.IsVacant
            && (!p.IsVacant || x.RoleTitle == p.RoleTitle)
            && (x.Email is null || p.Email is null) && (x.EntraObjectId is null || p.EntraObjectId is null));
    }

    private void AddPerson(DirectoryFilePerson p)
    {
        var person = new Person
        {
            Name = p.Name,
            SeedName = p.Name,
            Organisation = p.Organisation,
            RoleTitle = p.RoleTitle,
            Email = p.Email,
            EntraObjectId = p.EntraObjectId,
            IsSecretariat = p.IsSecretariat,
            IsOspChair = p.IsOspChair,
            IsVacant = p.IsVacant,
            Memberships = [.. p.Memberships.Select(m => new Membership { Group = groups.Single(g => g.Key == m.Group), Role = m.Role })],
        };
        people.Add(person);
        NewPeople.Add(person);
        var seats = p.Memberships.Count == 0 ? "no seats" : string.Join(", ", p.Memberships.Select(m => $"{m.Role} of {m.Group}"));
        Changes.Add($"{p.Name} added ({seats})");
    }

    private void MergePerson(Person person, DirectoryFilePerson p)
    {
        person.SeedName ??= p.Name;
        Fill(person, p);
        foreach (var m in p.Memberships)
        {
            var group = groups.Single(g => g.Key == m.Group);
            var seat = person.Memberships.SingleOrDefault(x => x.Group == group);
            if (seat is null)
            {
                person.Memberships.Add(new Membership { Group = group, Role = m.Role });
                Changes.Add($"{person.Name}: seat added, {m.Role} of {m.Group}");
            }
            else if (seat.Role != m.Role)
            {
                Changes.Add($"{person.Name}: {m.Group} seat changed from {seat.Role} to {m.Role}");
                seat.Role = m.Role;
            }
        }
        var inFile = p.Memberships.Select(m => m.Group).ToHashSet(StringComparer.Ordinal);
        Kept.AddRange(person.Memberships.Where(s => !inFile.Contains(s.Group!.Key))
            .Select(s => $"{person.Name}: {s.Role} seat kept, not in file"));
    }

    // Details the secretariat may have edited since stay; the file fills what is still empty and adds roles.
    private void Fill(Person person, DirectoryFilePerson p)
    {
        if (person.EntraObjectId is null && p.EntraObjectId is { Length: > 0 } entra && people.All(x => x.EntraObjectId != entra))
        {
            person.EntraObjectId = entra;
            Changes.Add($"{person.Name}: linked to Entra id {entra}");
        }
        if (person.Email is null && p.Email is { Length: > 0 } email)
        {
            person.Email = email;
            Changes.Add($"{person.Name}: e-mail set to {email}");
        }
        if (!person.IsSecretariat && p.IsSecretariat)
        {
            person.IsSecretariat = true;
            Changes.Add($"{person.Name}: now in the secretariat");
        }
        if (!person.IsOspChair && p.IsOspChair)
        {
            person.IsOspChair = true;
            Changes.Add($"{person.Name}: now the OSP chair");
        }
    }
}
