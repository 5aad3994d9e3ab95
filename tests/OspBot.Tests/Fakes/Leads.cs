using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Conversations;
using OspBot.Data;
using OspBot.Members;

namespace OspBot.Tests.Fakes;

/// Many people with a personal chat on a fake connector, for the tests that send to hundreds at once: lead i is
/// "aad-lead-i" in conversation "a:lead-i".
internal static class Leads
{
    public static string Conversation(int i) => $"a:lead-{i}";

    public static string Aad(int i) => $"aad-lead-{i}";

    /// Person i's personal chat with OspBot, installed at <paramref name="now"/>.
    public static ConversationReference Chat(int i, Uri serviceUrl, DateTimeOffset now) => new()
    {
        ConversationId = Conversation(i),
        ChannelId = "msteams",
        ServiceUrl = serviceUrl.ToString(),
        ConversationType = "personal",
        UserId = $"29:lead-{i}",
        UserAadObjectId = Aad(i),
        InstalledAt = now,
        LastSeenAt = now,
    };

    /// Replaces the directory's chairs and leads with <paramref name="count"/> leads spread over the sub-groups.
    public static async Task SeedAsync(IServiceProvider services, int count, Uri serviceUrl, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await SeedAsync(scope.ServiceProvider.GetRequiredService<OspDbContext>(), count, serviceUrl, now, ct);
    }

    /// The same, on a context of the caller's (a database no app of the test owns, e.g. real processes').
    public static async Task SeedAsync(OspDbContext db, int count, Uri serviceUrl, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subGroups = await db.Groups.Where(g => g.Kind == GroupKind.SubGroup).OrderBy(g => g.Id).ToListAsync(ct);
        await db.Memberships.Where(m => m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead).ExecuteDeleteAsync(ct);
        for (var i = 0; i < count; i++)
        {
            var person = new Person { Name = $"Lead {i}", EntraObjectId = Aad(i), Email = $"lead{i}@example.org" };
            person.Memberships.Add(new Membership { Group = subGroups[i % subGroups.Count], Role = MembershipRole.Lead });
            db.People.Add(person);
            db.Conversations.Add(Chat(i, serviceUrl, now));
        }
        await db.SaveChangesAsync(ct);
    }
}
