using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OspBot.Cards.Model;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
internal abstract record CardAction
{
    public string? Title { get; init; }
    public string? Id { get; init; }
    public ActionStyle? Style { get; init; }
    public ActionMode? Mode { get; init; }
    public string? Tooltip { get; init; }

    /// Used by clients that do not know this action, e.g. Action.Submit for Action.Execute on old Teams clients.
    public CardAction? Fallback { get; init; }
}

/// Arrives as an invoke "adaptiveCard/action" carrying verb, data and the card's inputs.
internal sealed record ExecuteAction(string Verb) : CardAction
{
    public JsonObject? Data { get; init; }
    public AssociatedInputs? AssociatedInputs { get; init; }
}

/// Arrives as a message whose value is data merged with the card's inputs.
internal sealed record SubmitAction : CardAction
{
    public JsonObject? Data { get; init; }
    public AssociatedInputs? AssociatedInputs { get; init; }

    /// A button that posts <paramref name="text"/> into the chat as if the user typed it (Teams imBack),
    /// so command buttons reach the bot exactly like typed commands.
    public static SubmitAction ImBack(string title, string text) => new()
    {
        Title = title,
        Data = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = text } },
    };
}

internal sealed record OpenUrlAction(Uri Url) : CardAction;

internal sealed record ShowCardAction(AdaptiveCard Card) : CardAction;
