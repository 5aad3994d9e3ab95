using System.Text.Json.Nodes;
using OspBot.Cards.Model;

namespace OspBot.Cards.Common;

/// Buttons of every feature's cards: each an Action.Execute whose fallback is an Action.Submit with the same data
/// plus the verb, so Teams clients without universal actions post a message the bot can still route.
internal static class CardActions
{
    /// The data key that carries the verb in an Action.Submit fallback (Action.Execute carries it outside data).
    public const string Verb = "verb";

    public static ExecuteAction Execute(
        string title,
        string verb,
        IEnumerable<KeyValuePair<string, string>> data,
        ActionStyle? style = null,
        bool sendInputs = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(verb);
        ArgumentNullException.ThrowIfNull(data);
        var pairs = data.ToList();
        var inputs = sendInputs ? AssociatedInputs.Auto : AssociatedInputs.None;
        return new ExecuteAction(verb)
        {
            Title = title,
            Style = style,
            Data = Json(pairs),
            AssociatedInputs = inputs,
            Fallback = new SubmitAction
            {
                Title = title,
                Style = style,
                Data = Json([new(Verb, verb), .. pairs]),
                AssociatedInputs = inputs,
            },
        };
    }

    public static IEnumerable<KeyValuePair<string, string>> With(
        this IEnumerable<KeyValuePair<string, string>> data, string key, string value) => [.. data, new(key, value)];

    // A fresh object per action: a JSON node can belong to one parent only.
    public static JsonObject Json(IEnumerable<KeyValuePair<string, string>> data)
    {
        var json = new JsonObject();
        foreach (var (key, value) in data)
        {
            json[key] = value;
        }

        return json;
    }
}
