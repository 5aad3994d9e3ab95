using OspBot.Cards.Model;
using OspBot.Members;
using C = OspBot.Cards.Rounds;

namespace OspBot.Rounds;

/// The flags another feature raises (IStatusFlags) on the secretariat's status card and digest, for whoever reads it.
internal static class StatusFlagCards
{
    public static async Task<IReadOnlyList<C.StatusFlagRow>> RowsAsync(this IStatusFlags flags, Actor reader, FinancialQuarter quarter, CancellationToken ct) =>
        [.. (await flags.OpenFlagsAsync(reader, quarter, ct)).Select(f => new C.StatusFlagRow(f.Key, f.GroupName, f.Summary, f.OnAgenda))];

    /// The digest as <paramref name="reader"/> gets it: the secretariat's lists the open flags.
    public static async Task<AdaptiveCard> DigestAsync(this IStatusFlags flags, DigestView digest, Actor reader, IReadOnlyList<string> refreshUserIds, CancellationToken ct) =>
        C.RoundStatusCards.Digest(RoundStatusMapper.Digest(digest, refreshUserIds) with { Flags = await flags.RowsAsync(reader, digest.Round.Quarter, ct) });
}
