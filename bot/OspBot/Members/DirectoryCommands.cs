using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Members;
using OspBot.Cards.Model;
using OspBot.Commands;

namespace OspBot.Members;

/// The `directory` command and the directory card's buttons: the secretariat sees every group's seats and edits
/// them, adds people and links unmatched Teams users (only the secretariat may: the command table says so).
internal sealed class DirectoryCommands(DirectoryEditor editor)
{
    // The directory is a few dozen people; far more than it will hold, so nobody is left out of the pickers.
    private const int MaxPeople = 500;
    private const int MaxUnmatched = 20;
    private const int MaxJobTitle = 300;

    internal static void Declare(CommandTableBuilder table) => table
        .Text<DirectoryCommands>("directory", "See and change who sits on each OSP group; link Teams users", Roles.Secretariat, d => d.ShowAsync)
        .Card<DirectoryCommands>(DirectoryVerbs.Show, Roles.Secretariat, d => d.ShowAsync)
        .Card<DirectoryCommands>(DirectoryVerbs.SetRole, Roles.Secretariat, d => d.SetRoleAsync)
        .Card<DirectoryCommands>(DirectoryVerbs.AddPerson, Roles.Secretariat, d => d.AddPersonAsync)
        .Card<DirectoryCommands>(DirectoryVerbs.Link, Roles.Secretariat, d => d.LinkAsync)
        .Card<DirectoryCommands>(DirectoryVerbs.SetChannel, Roles.Secretariat, d => d.SetChannelAsync)
        .Card<DirectoryCommands>(DirectoryVerbs.SetJobTitle, Roles.Secretariat, d => d.SetJobTitleAsync)
        .Card<DirectoryCommands>(DirectoryVerbs.Rename, Roles.Secretariat, d => d.RenameAsync);

    public async Task<BotReply> ShowAsync(CommandRequest request, CancellationToken ct) => BotReply.With(await CardAsync(null, null, ct));

    public Task<BotReply> SetRoleAsync(CommandRequest request, CancellationToken ct) => EditAsync(request, SetSeatAsync, ct);

    public Task<BotReply> AddPersonAsync(CommandRequest request, CancellationToken ct) => EditAsync(request, AddNewPersonAsync, ct);

    public Task<BotReply> LinkAsync(CommandRequest request, CancellationToken ct) => EditAsync(request, LinkUserAsync, ct);

    public Task<BotReply> SetChannelAsync(CommandRequest request, CancellationToken ct) => EditAsync(request, SetPersonChannelAsync, ct);

    public Task<BotReply> SetJobTitleAsync(CommandRequest request, CancellationToken ct) => EditAsync(request, SetTitleAsync, ct);

    public Task<BotReply> RenameAsync(CommandRequest request, CancellationToken ct) => EditAsync(request, RenamePersonAsync, ct);

    private async Task<BotReply> EditAsync(
        CommandRequest request, Func<Actor, DirectoryInput, CancellationToken, Task<DirectoryEdit>> edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await edit(request.Caller.ToActor(), new DirectoryInput(request.Data), ct);
        return BotReply.With(outcome switch
        {
            DirectoryEdit.Refused => DirectoryCards.NotSecretariat(),
            DirectoryEdit.Done d => await CardAsync(d.Message, null, ct),
            DirectoryEdit.NotFound n => await CardAsync(null, n.Message, ct),
            DirectoryEdit.Conflict c => await CardAsync(null, c.Message, ct),
            _ => await CardAsync(null, null, ct),
        });
    }

    private Task<DirectoryEdit> SetSeatAsync(Actor actor, DirectoryInput input, CancellationToken ct)
    {
        var roleText = input[DirectoryVerbs.SeatRole];
        MembershipRole? role = Enum.TryParse<MembershipRole>(roleText, ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : null;
        if (input.Id(DirectoryVerbs.SeatPerson) is not { } personId || input[DirectoryVerbs.SeatGroup] is not { } groupKey
            || (role is null && roleText != DirectoryVerbs.Remove))
        {
            return Invalid("Pick a person, a group and a role to change a seat.");
        }
        return editor.SetRoleAsync(actor, personId, groupKey, role, ct);
    }

    private Task<DirectoryEdit> AddNewPersonAsync(Actor actor, DirectoryInput input, CancellationToken ct)
    {
        if (input[DirectoryVerbs.NewName] is not { } name)
        {
            return Invalid("Give the new person's name.");
        }
        var email = input[DirectoryVerbs.NewEmail];
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            return Invalid($"'{email}' is not an e-mail address.");
        }
        return editor.AddPersonAsync(actor, new NewPerson(name, email, input[DirectoryVerbs.NewOrganisation], input[DirectoryVerbs.NewRoleTitle]), ct);
    }

    private Task<DirectoryEdit> LinkUserAsync(Actor actor, DirectoryInput input, CancellationToken ct) =>
        input[DirectoryVerbs.LinkUser] is { } aad && input.Id(DirectoryVerbs.LinkPerson) is { } personId
            ? editor.LinkTeamsUserAsync(actor, personId, aad, ct)
            : Invalid("Pick a Teams user and the person they are.");

    private Task<DirectoryEdit> SetPersonChannelAsync(Actor actor, DirectoryInput input, CancellationToken ct)
    {
        var text = input[DirectoryVerbs.Channel];
        ContactChannel? channel = Enum.TryParse<ContactChannel>(text, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null;
        if (input.Id(DirectoryVerbs.ChannelPerson) is not { } personId || (channel is null && text != DirectoryVerbs.Automatic))
        {
            return Invalid("Pick a person and how OspBot should reach them.");
        }
        return editor.SetChannelAsync(actor, personId, channel, ct);
    }

    // A blank title removes it; the card's input already stops at the column's 300 characters, the API may not.
    private Task<DirectoryEdit> SetTitleAsync(Actor actor, DirectoryInput input, CancellationToken ct) =>
        input.Id(DirectoryVerbs.JobTitlePerson) is not { } personId ? Invalid("Pick the person whose job title to change.")
        : input[DirectoryVerbs.JobTitle] is { Length: > MaxJobTitle } ? Invalid($"A job title can be at most {MaxJobTitle} characters.")
        : editor.SetJobTitleAsync(actor, personId, input[DirectoryVerbs.JobTitle], ct);

    // One line of at most 200 characters: a name is shown in sentences, cards and the report's Appendix 1.
    private Task<DirectoryEdit> RenamePersonAsync(Actor actor, DirectoryInput input, CancellationToken ct) =>
        input.Id(DirectoryVerbs.RenamePerson) is not { } personId ? Invalid("Pick the person to rename.")
        : input[DirectoryVerbs.RenameTo] is not { } name ? Invalid("Give the new name.")
        : name.Length > DirectoryVerbs.MaxName ? Invalid($"A name can be at most {DirectoryVerbs.MaxName} characters.")
        : name.Any(char.IsControl) ? Invalid("A name is one line, without tabs or line breaks.")
        : editor.RenameAsync(actor, personId, name, ct);

    // An incomplete form is answered like a failed edit: the card again, with the reason inline.
    private static Task<DirectoryEdit> Invalid(string message) => Task.FromResult<DirectoryEdit>(new DirectoryEdit.NotFound(message));

    private static string? ChannelWords(ContactChannel? channel) => channel switch
    {
        ContactChannel.Teams => "Teams",
        ContactChannel.Email => "E-mail",
        ContactChannel.TeamsThenEmail => "Teams then e-mail",
        _ => null,
    };

    private async Task<AdaptiveCard> CardAsync(string? confirmation, string? error, CancellationToken ct)
    {
        var groups = await editor.GroupsAsync(ct);
        var people = await editor.SearchAsync(null, MaxPeople, ct);
        var unmatched = await editor.UnmatchedTeamsUsersAsync(MaxUnmatched, ct);
        return DirectoryCards.Directory(new DirectoryCardModel
        {
            Groups = [.. groups.Select(g => new DirectoryGroup(g.Key, g.Name, [.. g.Seats.Select(s => new DirectorySeat(s.PersonName, s.Role.ToString(), s.IsVacant))]))],
            People = [.. people.Select(p => new DirectoryPerson(p.PersonId, p.Name, p.Organisation, p.IsLinked) { Channel = ChannelWords(p.Channel) })],
            Unmatched = [.. unmatched.Select(u => new UnmatchedUser(u.EntraObjectId, u.Name, CardFormat.DateTime(u.LastSeenAt)) { Email = u.Email })],
            Confirmation = confirmation,
            Error = error,
        });
    }
}
