using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// Under section 4 of the edit card: "Check how my requests will be listed", and once checked, the requests the
/// register will hold, numbered, with how to change the split. The check saves nothing; the lead submits as usual.
internal static class RequestSplitParts
{
    public const string CheckTitle = "Check how my requests will be listed";

    private const int MaxRequestChars = 500;

    public static IEnumerable<CardElement> Block(UpdateEditModel model, IEnumerable<KeyValuePair<string, string>> data)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.OffersRequestCheck)
        {
            yield break;
        }

        // The card's own ids and version go with it, so a submit from the card that comes back is checked as usual.
        yield return new ActionSet([CardActions.Execute(CheckTitle, RoundVerbs.CheckRequests, data, sendInputs: true)]);
        if (model.RequestSplit is not { } split)
        {
            yield break;
        }

        if (split.Count == 0)
        {
            yield return CardBlocks.Bold("Section 4 asks for nothing: no request goes to the OSP's requests register.");
        }
        else
        {
            var count = split.Count == 1 ? "1 request" : $"{CardFormat.Count(split.Count)} requests";
            yield return CardBlocks.Bold($"These go to the OSP's requests register as {count}:");
            foreach (var (text, number) in split.Select((t, i) => (t, i + 1)))
            {
                // The number is escaped, so Teams shows "2." rather than restarting a Markdown list at 1.
                yield return new TextBlock($"{number}\\. {CardText.Quote(text, MaxRequestChars)}") { Spacing = Spacing.Small };
            }
        }

        yield return CardBlocks.Subtle(
            "Each bullet or paragraph is one request. To split a request, put each part on its own bullet or leave a "
            + "blank line between them; to join two, write them as one paragraph. Then check again, or submit. "
            + "Checking saves nothing.");
    }
}
