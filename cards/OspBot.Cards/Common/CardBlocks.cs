using OspBot.Cards.Model;

namespace OspBot.Cards.Common;

/// Pieces every feature's cards share: headings, names, notices, inline errors.
internal static class CardBlocks
{
    /// Names from the directory (sub-groups, people) are user text too: quoted, escaped, kept to one line.
    public const int MaxNameChars = 80;

    public static string Name(string? name) => CardText.Quote(name, MaxNameChars);

    public static TextBlock Heading(string text) =>
        new(text) { Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder };

    public static TextBlock Error(string message) =>
        new(CardText.Escape(message)) { Color = TextColor.Attention, Spacing = Spacing.Small };

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small };

    public static TextBlock Bold(string text, Spacing? spacing = Spacing.Medium) =>
        new(text) { Weight = TextWeight.Bolder, Spacing = spacing };

    /// A notice above a card, e.g. that the card the person used was out of date.
    public static Container Notice(string text, ContainerStyle style = ContainerStyle.Warning) =>
        new() { Style = style, Items = [new TextBlock(text)] };

    /// User text shown as written: escaped, and each line break doubled, because a TextBlock is markdown and
    /// Teams shows a single line break as a space.
    public static string Multiline(string? text)
    {
        var normalized = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return CardText.Escape(normalized).Replace("\n", "\n\n", StringComparison.Ordinal);
    }

    public static IEnumerable<CardElement> Errors(IEnumerable<FieldError> errors, string inputId) =>
        errors.Where(e => e.InputId == inputId).Select(e => Error(e.Message));
}

/// A server-side validation message for one input (by its id), shown under it.
internal sealed record FieldError(string InputId, string Message);
