using OspBot.Cards;
using OspBot.Members;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// Who is talking to the bot, in the terms the cards use: matched to the OSP directory by Entra object id.
internal sealed class AudienceResolver(MemberDirectory directory)
{
    public async Task<WelcomeCardModel> ForAsync(ChannelAccount? from, CancellationToken ct)
    {
        var person = from?.AadObjectId is { Length: > 0 } aad ? await directory.FindByEntraObjectIdAsync(aad, ct) : null;
        if (person is null)
        {
            return new WelcomeCardModel { DisplayName = from?.Name, Audience = CardAudience.Unknown };
        }

        var leads = person.Memberships
            .Where(m => m.Role is MembershipRole.Chair or MembershipRole.Lead or MembershipRole.Deputy)
            .Select(m => m.GroupName)
            .ToList();
        var audience = person switch
        {
            { IsSecretariat: true } => CardAudience.Secretariat,
            { IsOspChair: true } => CardAudience.OspChair,
            _ when leads.Count > 0 => CardAudience.SubGroupLead,
            _ => CardAudience.Member,
        };
        return new WelcomeCardModel
        {
            DisplayName = person.Name,
            Audience = audience,
            SubGroups = leads.Count > 0 ? leads : [.. person.Memberships.Select(m => m.GroupName)],
        };
    }
}
