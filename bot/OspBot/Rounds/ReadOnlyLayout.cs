using OspBot.Common;
using C = OspBot.Cards.Rounds;

namespace OspBot.Rounds;

/// The read-only cards' paragraphs and list items, read from the stored text by the same reader the report uses
/// (Common/SourceLines): PDF line breaks reflowed, bullets made list items, blank lines kept as paragraph gaps.
internal static class ReadOnlyLayout
{
    public static C.UpdateLayout Of(string? achievements, string? plans, string? challenges, string? requests) => new()
    {
        Achievements = Pieces(achievements),
        Plans = Pieces(plans),
        Challenges = Pieces(challenges),
        Requests = Pieces(requests),
    };

    public static IReadOnlyList<C.TextPiece> Pieces(string? text) =>
        [.. SourceLines.Read(text).Select(u => new C.TextPiece(u.Text, u.IsBullet, u.BlankBefore))];
}
