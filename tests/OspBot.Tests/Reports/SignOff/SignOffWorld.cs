using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Rounds;
using OspBot.Tests.Rounds;

namespace OspBot.Tests.Reports.SignOff;

/// The bot over HTTP (RoundsWire: fake connector, the test runs the outbox) with 2025/26 in the database: Economic
/// Development's Q1-Q3 and Stronger Communities' Q1 submitted; a chair for each of those two and a deputy for
/// Stronger Communities, each with a chat with OspBot, and the secretariat.
internal static class SignOffWorld
{
    public const int Year = 2025;
    public const string YearLabel = "2025/26";

    public static readonly TeamsUser ChairSc = new("aad-chair-sc", "29:chair-sc", "a:chair-sc");
    public static readonly TeamsUser DeputySc = new("aad-deputy-sc", "29:deputy-sc", "a:deputy-sc");
    public static readonly TeamsUser ChairEd = new("aad-chair-ed", "29:chair-ed", "a:chair-ed");

    public static async Task<RoundsWire> StartAsync(CancellationToken ct)
    {
        var wire = await RoundsWire.StartAsync();
        // Real time: the compile job is a Quartz trigger, which fires by the wall clock.
        wire.Clock.Advance(DateTimeOffset.UtcNow - wire.Clock.GetUtcNow());
        await wire.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<OspDbContext>();
            (await db.People.FirstAsync(p => p.IsSecretariat && !p.IsVacant, ct)).EntraObjectId = RoundsWire.Sec.Aad;
            var groups = await db.Groups.ToDictionaryAsync(g => g.Key, ct);
            Seat(db, "Cllr Ann Chair", ChairSc, groups["stronger-communities"], MembershipRole.Chair);
            Seat(db, "Dee Deputy", DeputySc, groups["stronger-communities"], MembershipRole.Deputy);
            Seat(db, "Ed Chair", ChairEd, groups["economic-development"], MembershipRole.Chair);
            var author = await db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
            for (var q = 1; q <= 4; q++)
            {
                var round = new UpdateRound
                {
                    FinancialYearStart = Year,
                    Quarter = q,
                    State = RoundState.Closed,
                    MeetingDate = new DateOnly(Year, 6, 1).AddMonths(3 * (q - 1)),
                    OpenedAt = DateTimeOffset.UnixEpoch,
                };
                db.Rounds.Add(round);
                if (q <= 3)
                {
                    round.Updates.Add(Submitted(groups["economic-development"].Id, author, $"Business survey wave {q} completed"));
                }
                if (q == 1)
                {
                    round.Updates.Add(Submitted(groups["stronger-communities"].Id, author, "Community hubs opened in Blackbird Leys"));
                }
            }
            return await db.SaveChangesAsync(ct);
        });
        foreach (var user in new[] { RoundsWire.Sec, ChairSc, DeputySc, ChairEd })
        {
            await wire.SayAsync(user, "hi", ct);
        }
        return wire;
    }

    /// The part of <paramref name="groupKey"/> for 2025/26 with its versions.
    public static Task<ReportPart> PartAsync(RoundsWire wire, string groupKey) => wire.InScopeAsync(s =>
        s.GetRequiredService<OspDbContext>().ReportParts.AsNoTracking().Include(p => p.Versions)
            .SingleAsync(p => p.FinancialYear == Year && p.Group!.Key == groupKey));

    public static JsonObject Press(ReportPart part, int version, params (string Key, string Value)[] inputs)
    {
        var data = new JsonObject { ["part"] = part.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in inputs)
        {
            data[key] = value;
        }
        return data;
    }

    /// Every section of the part's latest version, with <paramref name="section"/> replaced.
    public static (string Key, string Value)[] Edit(ReportPart part, string section, string text)
    {
        var latest = part.Versions.OrderBy(v => v.Number).Last();
        (string Key, string Value)[] all =
            [("summary", latest.Summary), ("delivery", latest.Delivery), ("challenges", latest.Challenges), ("requests", latest.Requests), ("priorities", latest.Priorities)];
        return [.. all.Select(s => s.Key == section ? (s.Key, text) : s)];
    }

    /// Submits a second version of Stronger Communities' Q1 update, as a lead editing it after the chair approved.
    public static Task<int> ResubmitAsync(RoundsWire wire, string achievements, CancellationToken ct) => wire.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<OspDbContext>();
        var update = await db.SubGroupUpdates.Include(u => u.Versions)
            .SingleAsync(u => u.Round!.FinancialYearStart == Year && u.Round.Quarter == 1 && u.Group!.Key == "stronger-communities", ct);
        update.Versions.Add(new UpdateVersion
        {
            Number = 2,
            Kind = VersionKind.Submitted,
            Achievements = achievements,
            Plans = "Carry on",
            Rag = Rag.Green,
            SavedByPersonId = update.Versions[0].SavedByPersonId,
            SavedAt = DateTimeOffset.UnixEpoch.AddDays(1),
        });
        (update.CurrentVersion, update.SubmittedVersion, update.SubmittedAt) = (2, 2, DateTimeOffset.UnixEpoch.AddDays(1));
        return await db.SaveChangesAsync(ct);
    });

    public static string Text(JsonElement card) => card.GetRawText();

    public static bool HasAction(JsonElement card, string title) =>
        card.TryGetProperty("actions", out var actions) && actions.EnumerateArray().Any(a => a.GetProperty("title").GetString() == title);

    private static void Seat(OspDbContext db, string name, TeamsUser user, Group group, MembershipRole role) =>
        db.People.Add(new Person { Name = name, EntraObjectId = user.Aad, Memberships = [new Membership { GroupId = group.Id, Role = role }] });

    private static SubGroupUpdate Submitted(int groupId, int author, string achievements) => new()
    {
        GroupId = groupId,
        Status = UpdateStatus.Submitted,
        CurrentVersion = 1,
        SubmittedVersion = 1,
        SubmittedAt = DateTimeOffset.UnixEpoch,
        Versions =
        [
            new UpdateVersion
            {
                Number = 1, Kind = VersionKind.Submitted, Achievements = achievements, Plans = "Carry on",
                Rag = Rag.Green, SavedByPersonId = author, SavedAt = DateTimeOffset.UnixEpoch,
            },
        ],
    };
}
