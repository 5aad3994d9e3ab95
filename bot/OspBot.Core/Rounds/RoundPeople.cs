using Microsoft.EntityFrameworkCore;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;

namespace OspBot.Rounds;

/// A chair or lead of a sub-group as the status card shows them in a round: when OspBot prompted them, how many
/// chasers (scheduled, or "Remind now") it sent and when the last went, and how (Teams or e-mail).
public sealed record PersonStatus
{
    /// Null for a seat without a real name: vacant, or named "(placeholder)" in the directory file.
    public string? Name { get; init; }

    /// Nobody holds the seat: nobody is prompted.
    public bool IsVacant { get; init; }

    public required MembershipRole Role { get; init; }

    /// The seat's title from the directory ("Community Safety Service Manager"), shown for a seat not filled.
    public string? RoleTitle { get; init; }

    public DateTimeOffset? PromptedAt { get; init; }

    public int Chasers { get; init; }

    public DateTimeOffset? LastChasedAt { get; init; }

    /// How the last prompt or chaser went out; null while nothing was sent.
    public DeliveryChannel? Channel { get; init; }
}

/// Reads the people of every sub-group in a round with what OspBot sent them, in two queries for the whole round.
internal static class RoundPeople
{
    public static async Task<Dictionary<int, List<PersonStatus>>> ByUpdateAsync(
        OspDbContext db, int roundId, IReadOnlyCollection<SubGroupUpdate> updates, CancellationToken ct)
    {
        var groupIds = updates.Select(u => u.GroupId).ToList();
        var seats = await db.Memberships.AsNoTracking()
            .Where(m => groupIds.Contains(m.GroupId) && (m.Role == MembershipRole.Chair || m.Role == MembershipRole.Lead))
            .Select(m => new { m.GroupId, m.PersonId, m.Role, m.Person!.Name, m.Person.RoleTitle, m.Person.IsVacant })
            .ToListAsync(ct);
        var sent = await db.Deliveries.AsNoTracking()
            .Where(d => d.RoundId == roundId && d.State == DeliveryState.Sent && d.SubGroupUpdateId != null
                && (d.Kind == DeliveryKind.Prompt || d.Kind == DeliveryKind.Chaser || d.Kind == DeliveryKind.Reminder))
            .Select(d => new { UpdateId = d.SubGroupUpdateId!.Value, d.PersonId, d.Kind, d.SentAt, d.DueAt, d.Channel })
            .ToListAsync(ct);

        return updates.ToDictionary(u => u.Id, u => seats
            .Where(s => s.GroupId == u.GroupId)
            .OrderByDescending(s => s.Role).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s =>
            {
                var mine = sent.Where(d => d.UpdateId == u.Id && d.PersonId == s.PersonId).OrderBy(d => d.SentAt ?? d.DueAt).ToList();
                // The scheduled chasers and the secretariat's "Remind now" both chase the person.
                var chasers = mine.Where(d => d.Kind != DeliveryKind.Prompt).ToList();
                return new PersonStatus
                {
                    Name = s.IsVacant || PersonNames.IsPlaceholder(s.Name) ? null : s.Name,
                    IsVacant = s.IsVacant,
                    Role = s.Role,
                    RoleTitle = s.RoleTitle,
                    PromptedAt = mine.Where(d => d.Kind == DeliveryKind.Prompt).Select(d => d.SentAt ?? d.DueAt).Cast<DateTimeOffset?>().FirstOrDefault(),
                    Chasers = chasers.Count,
                    LastChasedAt = chasers.Count == 0 ? null : chasers[^1].SentAt ?? chasers[^1].DueAt,
                    Channel = mine.Count == 0 ? null : mine[^1].Channel,
                };
            })
            .ToList());
    }
}
