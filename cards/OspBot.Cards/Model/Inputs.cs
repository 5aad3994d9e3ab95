namespace OspBot.Cards.Model;

/// Inputs are submitted under their <see cref="Id"/>; label and error text are what the client shows.
internal abstract record CardInput : CardElement
{
    public required string Id { get; init; }
    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

internal sealed record TextInput : CardInput
{
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
}

internal sealed record ChoiceSetInput : CardInput
{
    public required IReadOnlyList<Choice> Choices { get; init; }
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool? IsMultiSelect { get; init; }
    public ChoiceInputStyle? Style { get; init; }
    public bool? Wrap { get; init; }
}

internal sealed record Choice(string Title, string Value);

/// A date picker; it submits yyyy-MM-dd.
internal sealed record DateInput : CardInput
{
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Placeholder { get; init; }
}
