using System.Text.Json.Serialization;
using OspBot.Cards.Common;

namespace OspBot.Cards.Model;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
internal abstract record CardElement
{
    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}

/// Text is rendered as markdown: pass user-provided text through <see cref="CardText.Escape"/>.
internal sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public TextBlockStyle? Style { get; init; }
    public int? MaxLines { get; init; }
}

internal sealed record Container : CardElement
{
    public required IReadOnlyList<CardElement> Items { get; init; }
    public ContainerStyle? Style { get; init; }
    public bool? Bleed { get; init; }
}

internal sealed record ColumnSet : CardElement
{
    public required IReadOnlyList<Column> Columns { get; init; }
}

internal sealed record Column
{
    public string Type { get; } = "Column";
    public IReadOnlyList<CardElement> Items { get; init; } = [];

    /// "auto", "stretch", a weight such as "2", or pixels such as "50px".
    public string? Width { get; init; }
    public VerticalContentAlignment? VerticalContentAlignment { get; init; }
    public Spacing? Spacing { get; init; }
}

internal sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

internal sealed record Fact(string Title, string Value);

internal sealed record Image(Uri Url) : CardElement
{
    public string? AltText { get; init; }
    public ImageSize? Size { get; init; }
    public ImageStyle? Style { get; init; }
}

internal sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;
