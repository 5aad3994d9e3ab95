using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// One of the sub-group's earlier requests for OSP support, as its prompt card shows it.
internal sealed record EarlierRequestItem(string Id, string QuarterLabel, string Text, string Status, string? Response, bool? StillStands, bool IsOpen);

/// "You asked … — the OSP did …" on the prompt card, and for each request still open "Does it still stand?".
internal static class EarlierRequestParts
{
    /// Prefix of the "still stands" inputs: "stillStands.{requestId}" holds "yes" or "no".
    public const string StillStandsPrefix = "stillStands.";

    private const int MaxTextChars = 300;

    public static string InputId(string requestId) => StillStandsPrefix + requestId;

    public static IEnumerable<CardElement> Block(IReadOnlyList<EarlierRequestItem> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            yield break;
        }
        yield return CardBlocks.Bold("Your earlier requests to the OSP", Spacing.Large);
        foreach (var r in requests)
        {
            yield return new TextBlock($"You asked ({r.QuarterLabel}): “{CardText.Quote(r.Text, MaxTextChars)}”") { Spacing = Spacing.Medium };
            yield return CardBlocks.Subtle(r.Response is { Length: > 0 } did
                ? $"The OSP did: “{CardText.Quote(did, MaxTextChars)}” ({r.Status})"
                : $"Status: {r.Status}");
            if (r.IsOpen)
            {
                yield return new ChoiceSetInput
                {
                    Id = InputId(r.Id),
                    Label = "Does this request still stand?",
                    Style = ChoiceInputStyle.Expanded,
                    Value = r.StillStands switch { true => "yes", false => "no", null => null },
                    Choices = [new Choice("Yes, it still stands", "yes"), new Choice("No, it no longer stands", "no")],
                };
            }
        }
    }
}
