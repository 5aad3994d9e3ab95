using OspBot.Cards.Model;

namespace OspBot.Cards.Common;

/// Short answers every feature gives: a heading and a sentence.
internal static class MessageCards
{
    /// How the cards name the secretariat when there is nobody to name.
    public const string Secretariat = "the OSP secretariat (Oxford City Council Policy & Partnerships Team)";

    /// For someone OspBot cannot match to the OSP directory.
    public static AdaptiveCard NotMatched() => Message(
        "I don't know you yet",
        $"I could not match your Teams account to the OSP directory, so I cannot do this for you yet. Ask {Secretariat} to link your account.");

    public static AdaptiveCard Message(string heading, string text) => new()
    {
        FallbackText = text,
        Body = [new TextBlock(heading) { Weight = TextWeight.Bolder, Size = TextSize.Medium }, new TextBlock(text) { Wrap = true }],
    };
}
