using System.Globalization;
using OspBot.Common;
using OspBot.Data;
using OspBot.Observability;
using OspBot.Outbox;

namespace OspBot.Requests;

/// The card to a request's new owner goes through the outbox. A delivery has no column for a request, so its
/// idempotency key carries the id ("request-owner:{id}:{revision}": one card per hand-over, however often pressed).
internal static class RequestDeliveries
{
    private const string Prefix = "request-owner:";

    public static Delivery ToOwner(int requestId, int personId, int revision, DateTimeOffset now) =>
        Delivery.Pending(DeliveryKind.RequestOwner, personId, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{requestId}:{revision}"), now);

    public static int? RequestIdOf(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var parts = idempotencyKey.StartsWith(Prefix, StringComparison.Ordinal) ? idempotencyKey[Prefix.Length..].Split(':') : [];
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

/// The register's refusals, in its own words.
internal static class RequestRefusals
{
    public static async Task<Refusal> RefuseAsync(OspDbContext db, RefusalReason reason, CancellationToken ct)
    {
        if (reason is RefusalReason.NotMatched or RefusalReason.NotSecretariat)
        {
            return await Rounds.RoundQueries.RefuseAsync(db, reason, ct);
        }
        TurnOutcome.MarkRefused();
        return new Refusal(reason, reason switch
        {
            RefusalReason.NotFound => "Sorry, I can't find that request any more.",
            _ => "Sorry, only the OSP secretariat and the request's owner can change a request.",
        }, []);
    }
}
