using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Conversations;
using OspBot.Data;
using OspBot.Members;

namespace OspBot.Tests.Production.Hardening;

/// Replaces the directory's chairs and leads with <c>count</c> leads, each with a personal chat on the given connector.
internal static class Leads
{
    public static string Conversation(int i) => $"a:lead-{i}";

    public static string Aad(int i) => $"aad-lead-{i}";

    public static async Task SeedAsync(IServiceProvider services, int count, Uri serviceUrl, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OspDbContext>();
        var subGroups = await db.Groups.Where(g => g.Kind == GroupKind.SubGroup).ToListAsync(ct);
        await db.Memberships.Where(m => m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead).ExecuteDeleteAsync(ct);
        for (var i = 0; i < count; i++)
        {
            var person = new Person { Name = $"Lead {i}", EntraObjectId = Aad(i), Email = $"lead{i}@example.org" };
            person.Memberships.Add(new Membership { Group = subGroups[i % subGroups.Count], Role = MembershipRole.Lead });
            db.People.Add(person);
            db.Conversations.Add(new ConversationReference
            {
                ConversationId = Conversation(i),
                ChannelId = "msteams",
                ServiceUrl = serviceUrl.ToString(),
                ConversationType = "personal",
                UserId = $"29:lead-{i}",
                UserAadObjectId = Aad(i),
                InstalledAt = now,
                LastSeenAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
