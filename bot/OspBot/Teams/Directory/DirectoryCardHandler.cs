using System.Globalization;
using System.Text.Json;
using OspBot.Cards.Common;
using OspBot.Cards.Members;
using OspBot.Cards.Model;
using OspBot.Members;
using OspBot.Teams.Schema;

// Not "...Directory" like the folder: a namespace of that name would hide System.IO.Directory in sibling namespaces.
namespace OspBot.Teams.DirectoryEditing;

/// The `directory` command and the directory card's buttons: the secretariat sees every group's seats and
/// edits them, adds people and links unmatched Teams users. Anyone else gets a refusal; nobody else sees names.
internal sealed class DirectoryCardHandler(DirectoryEditor editor, MemberDirectory directory)
{
    public const string Command = "directory";

    // The directory is a few dozen people; far more than it will hold, so nobody is left out of the pickers.
    private const int MaxPeople = 500;
    private const int MaxUnmatched = 20;

    public static bool IsVerb(string? verb) => verb?.StartsWith(DirectoryVerbs.Prefix, StringComparison.Ordinal) == true;

    /// The typed command, or an Action.Submit fallback carrying a directory verb; false when the message is neither.
    public async Task<bool> TryHandleMessageAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Value is { ValueKind: JsonValueKind.Object } value && DirectoryInput.Verb(value) is { } verb && IsVerb(verb))
        {
            var answer = await ActAsync(verb, value, turn.Activity, ct);
            var reply = MessageFactory.Card(answer.ToJsonElement(), answer.FallbackText);
            await (turn.Activity.ReplyToId is { Length: > 0 } cardId
                ? turn.UpdateActivityAsync(cardId, reply, ct)
                : turn.SendActivityAsync(reply, ct));
            return true;
        }
        if (CommandText.Normalize(turn.Activity.Text) != Command)
        {
            return false;
        }
        var card = await ActAsync(DirectoryVerbs.Show, null, turn.Activity, ct);
        await turn.SendActivityAsync(MessageFactory.Card(card.ToJsonElement(), card.FallbackText), ct);
        return true;
    }

    public async Task<AdaptiveCard> ActAsync(string verb, JsonElement? data, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.AadObjectId is not { Length: > 0 } aad || await directory.FindByEntraObjectIdAsync(aad, ct) is not { } me)
        {
            return MessageCards.NotMatched();
        }
        if (!me.IsSecretariat)
        {
            return DirectoryCards.NotSecretariat();
        }
        var input = new DirectoryInput(data);
        var actor = Actor.FromTeams(aad);
        var outcome = verb switch
        {
            DirectoryVerbs.SetRole => await SetRoleAsync(actor, input, ct),
            DirectoryVerbs.AddPerson => await AddPersonAsync(actor, input, ct),
            DirectoryVerbs.Link => await LinkAsync(actor, input, ct),
            _ => null,
        };
        return outcome switch
        {
            DirectoryEdit.Refused => DirectoryCards.NotSecretariat(),
            DirectoryEdit.Done d => await CardAsync(d.Message, null, ct),
            DirectoryEdit.NotFound n => await CardAsync(null, n.Message, ct),
            DirectoryEdit.Conflict c => await CardAsync(null, c.Message, ct),
            _ => await CardAsync(null, null, ct),
        };
    }

    private Task<DirectoryEdit> SetRoleAsync(Actor actor, DirectoryInput input, CancellationToken ct)
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

    private Task<DirectoryEdit> AddPersonAsync(Actor actor, DirectoryInput input, CancellationToken ct)
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

    private Task<DirectoryEdit> LinkAsync(Actor actor, DirectoryInput input, CancellationToken ct) =>
        input[DirectoryVerbs.LinkUser] is { } aad && input.Id(DirectoryVerbs.LinkPerson) is { } personId
            ? editor.LinkTeamsUserAsync(actor, personId, aad, ct)
            : Invalid("Pick a Teams user and the person they are.");

    // An incomplete form is answered like a failed edit: the card again, with the reason inline.
    private static Task<DirectoryEdit> Invalid(string message) => Task.FromResult<DirectoryEdit>(new DirectoryEdit.NotFound(message));

    private async Task<AdaptiveCard> CardAsync(string? confirmation, string? error, CancellationToken ct)
    {
        var groups = await editor.GroupsAsync(ct);
        var people = await editor.SearchAsync(null, MaxPeople, ct);
        var unmatched = await editor.UnmatchedTeamsUsersAsync(MaxUnmatched, ct);
        return DirectoryCards.Directory(new DirectoryCardModel
        {
            Groups = [.. groups.Select(g => new DirectoryGroup(g.Key, g.Name, [.. g.Seats.Select(s => new DirectorySeat(s.PersonName, s.Role.ToString(), s.IsVacant))]))],
            People = [.. people.Select(p => new DirectoryPerson(p.PersonId, p.Name, p.Organisation, p.IsLinked))],
            Unmatched = [.. unmatched.Select(u => new UnmatchedUser(u.EntraObjectId, u.LastSeenAt.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)))],
            Confirmation = confirmation,
            Error = error,
        });
    }
}
