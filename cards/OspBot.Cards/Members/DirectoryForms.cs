using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Members;

/// The forms of the directory card. Inputs are optional on the card (one card holds several forms, and a
/// required input of one would block the others' buttons); the bot checks them and answers with an inline error.
internal static class DirectoryForms
{
    public static IEnumerable<CardElement> SetRole(DirectoryCardModel model)
    {
        yield return Heading("Change a seat");
        yield return People(DirectoryVerbs.SeatPerson, "Person", model.People);
        yield return new ChoiceSetInput
        {
            Id = DirectoryVerbs.SeatGroup,
            Label = "Group",
            Style = ChoiceInputStyle.Compact,
            Choices = [.. model.Groups.Select(g => new Choice(g.Name, g.Key))],
        };
        yield return new ChoiceSetInput
        {
            Id = DirectoryVerbs.SeatRole,
            Label = "Role",
            Style = ChoiceInputStyle.Compact,
            Choices = [.. DirectoryVerbs.Roles.Select(r => new Choice(r == DirectoryVerbs.Remove ? "Remove from group" : Title(r), r))],
        };
        yield return Button("Save seat", DirectoryVerbs.SetRole);
    }

    public static IEnumerable<CardElement> AddPerson()
    {
        yield return Heading("Add a person");
        yield return new TextInput { Id = DirectoryVerbs.NewName, Label = "Name", MaxLength = 200 };
        yield return new TextInput { Id = DirectoryVerbs.NewOrganisation, Label = "Organisation", MaxLength = 200 };
        yield return new TextInput { Id = DirectoryVerbs.NewRoleTitle, Label = "Job title", MaxLength = 300 };
        yield return new TextInput { Id = DirectoryVerbs.NewEmail, Label = "E-mail", MaxLength = 320 };
        yield return Button("Add person", DirectoryVerbs.AddPerson);
    }

    /// How OspBot reaches a person: Teams, e-mail, or Teams then e-mail (partners outside the council's tenant).
    public static IEnumerable<CardElement> Channel(DirectoryCardModel model)
    {
        yield return Heading("How OspBot reaches someone");
        yield return People(DirectoryVerbs.ChannelPerson, "Person", model.People);
        yield return new ChoiceSetInput
        {
            Id = DirectoryVerbs.Channel,
            Label = "Send prompts, chasers and reminders by",
            Style = ChoiceInputStyle.Compact,
            Choices = [.. DirectoryVerbs.Channels.Select(c => new Choice(c.Title, c.Value))],
        };
        yield return Button("Save channel", DirectoryVerbs.SetChannel);
    }

    /// A person's job title, which Appendix 1 of the annual report prints beside their organisation.
    public static IEnumerable<CardElement> JobTitle(DirectoryCardModel model)
    {
        yield return Heading("Change a job title");
        yield return People(DirectoryVerbs.JobTitlePerson, "Person", model.People);
        yield return new TextInput
        {
            Id = DirectoryVerbs.JobTitle,
            Label = "Job title (blank to remove)",
            Placeholder = "e.g. Chief Executive",
            MaxLength = 300,
        };
        yield return Button("Save job title", DirectoryVerbs.SetJobTitle);
    }

    /// A person's name, placeholders from the sample directory included.
    public static IEnumerable<CardElement> Rename(DirectoryCardModel model)
    {
        yield return Heading("Rename a person");
        yield return People(DirectoryVerbs.RenamePerson, "Person", model.People);
        yield return new TextInput
        {
            Id = DirectoryVerbs.RenameTo,
            Label = "New name",
            Placeholder = "e.g. Rajesh Patel",
            MaxLength = DirectoryVerbs.MaxName,
            IsRequired = true,
            ErrorMessage = "Give the new name.",
        };
        yield return Button("Rename", DirectoryVerbs.Rename);
    }

    public static IEnumerable<CardElement> Link(DirectoryCardModel model)
    {
        yield return Heading("Teams users I cannot match");
        if (model.Unmatched.Count == 0)
        {
            yield return new TextBlock("Everyone who has talked to OspBot is matched to the directory.") { IsSubtle = true };
            yield break;
        }
        yield return new FactSet([.. model.Unmatched.Select(u => new Fact(CardText.Escape(Who(u)), "last seen " + u.LastSeen))]);
        yield return new ChoiceSetInput
        {
            Id = DirectoryVerbs.LinkUser,
            Label = "Teams user",
            Style = ChoiceInputStyle.Compact,
            Choices = [.. model.Unmatched.Select(u => new Choice($"{Who(u)} (last seen {u.LastSeen})", u.EntraObjectId))],
        };
        yield return People(DirectoryVerbs.LinkPerson, "Person", model.People);
        yield return Button("Link to person", DirectoryVerbs.Link);
    }

    // Their Teams name and e-mail (two people may share a name); the Entra id only when Teams sent neither, since
    // that is all there is to tell them apart by.
    private static string Who(UnmatchedUser u) => (u.Name, u.Email) switch
    {
        ({ Length: > 0 } name, { Length: > 0 } email) => $"{name} · {email}",
        ({ Length: > 0 } name, _) => name,
        (_, { Length: > 0 } email) => email,
        _ => $"Teams user {u.EntraObjectId}",
    };

    // Choice titles are plain text, not markdown: no escaping. Schema 1.5 has no "filtered" style, so compact.
    private static ChoiceSetInput People(string id, string label, IReadOnlyList<DirectoryPerson> people) => new()
    {
        Id = id,
        Label = label,
        Style = ChoiceInputStyle.Compact,
        Choices = [.. people.Select(p => new Choice(
            p.Organisation is { Length: > 0 } org ? $"{p.Name} ({org})" : p.Name,
            p.PersonId.ToString(CultureInfo.InvariantCulture)))],
    };

    private static TextBlock Heading(string text) =>
        new(text) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Separator = true, Spacing = Spacing.Large };

    private static ActionSet Button(string title, string verb) =>
        new([CardActions.Execute(title, verb, [], ActionStyle.Positive, sendInputs: true)]);

    private static string Title(string role) => char.ToUpperInvariant(role[0]) + role[1..];
}
