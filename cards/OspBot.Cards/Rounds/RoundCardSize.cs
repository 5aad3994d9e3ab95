using System.Text;
using System.Text.Json;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// Teams refuses a message over about 28 KB. Sizes are measured on the JSON as serialized, where every
/// non-ASCII character and some punctuation are written as \uXXXX escapes: text can cost up to 6 bytes a character.
internal static class RoundCardSize
{
    /// What a round card may weigh, leaving room under Teams' 28 KB for the message or invoke envelope.
    public const int MaxCardBytes = 26 * 1024;

    public static int Bytes(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Encoding.UTF8.GetByteCount(card.ToJson());
    }

    public static bool Fits(AdaptiveCard card) => Bytes(card) <= MaxCardBytes;

    /// What one string costs inside the card's JSON.
    public static int EncodedBytes(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length;
}
