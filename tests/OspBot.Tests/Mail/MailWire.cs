using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OspBot.Data;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Tests.Rounds;

namespace OspBot.Tests.Mail;

/// The rounds' wire (the whole bot, a fake connector, the test's own SQLite file) with the pickup folder in a folder
/// the test owns and keeps across restarts; reads back what was "sent" by e-mail.
internal static class MailWire
{
    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "ospbot-mail-tests", Guid.NewGuid().ToString("N"));

    public static Task<RoundsWire> StartAsync(string pickup, params (string Key, string Value)[] settings) =>
        RoundsWire.StartAsync([("Mail:PickupFolder", pickup), ("Mail:TenantDomains:0", "oxford.gov.uk"), .. settings]);

    /// As after StartAsync: the sample directory's leads (example.org) outside the council's tenant.
    public static void Restart(RoundsWire wire, string pickup) =>
        wire.Restart(("Mail:PickupFolder", pickup), ("Mail:TenantDomains:0", "oxford.gov.uk"));

    public static IReadOnlyList<MimeMessage> Messages(string pickup) => Directory.Exists(pickup)
        ? [.. Directory.GetFiles(pickup, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
        : [];

    public static IReadOnlyList<MimeMessage> To(string pickup, string address) =>
        [.. Messages(pickup).Where(m => m.To.Mailboxes.Any(a => a.Address == address))];

    /// The person linked to this Teams user: their id and e-mail.
    public static Task<(int Id, string Email)> PersonAsync(RoundsWire wire, TeamsUser user, CancellationToken ct) =>
        wire.InScopeAsync(async sp =>
        {
            var p = await sp.GetRequiredService<OspDbContext>().People.AsNoTracking().SingleAsync(x => x.EntraObjectId == user.Aad, ct);
            return (p.Id, p.Email!);
        });

    public static Task SetChannelAsync(RoundsWire wire, TeamsUser user, ContactChannel? channel, CancellationToken ct) =>
        wire.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OspDbContext>();
            var p = await db.People.SingleAsync(x => x.EntraObjectId == user.Aad, ct);
            p.Channel = channel;
            return await db.SaveChangesAsync(ct);
        });

    public static Task<List<Delivery>> DeliveriesToAsync(RoundsWire wire, TeamsUser user, DeliveryKind kind, CancellationToken ct) =>
        wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.Kind == kind && d.Person!.EntraObjectId == user.Aad).ToListAsync(ct));
}
