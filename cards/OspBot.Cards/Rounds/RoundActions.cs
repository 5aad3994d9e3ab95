using System.Text.Json.Nodes;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// Buttons of the round cards: each an Action.Execute whose fallback is an Action.Submit with the same
/// data plus the verb, so Teams clients without universal actions post a message the bot can still route.
internal static class RoundActions
{
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
            Data = ToJson(pairs),
            AssociatedInputs = inputs,
            Fallback = new SubmitAction
            {
                Title = title,
                Style = style,
                Data = ToJson([new(RoundData.Verb, verb), .. pairs]),
                AssociatedInputs = inputs,
            },
        };
    }

    /// Refresh for the listed people (29: MRIs): Teams re-asks the bot for each one's own current view.
    /// Teams refreshes automatically for at most 60; more than that would refresh nobody, so only the first 60 are kept.
    public static Refresh Refresh(string view, IEnumerable<KeyValuePair<string, string>> data, IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var ids = userIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Take(Model.Refresh.MaxUserIds).ToList();
        return Model.Refresh.For(new ExecuteAction(RoundVerbs.Refresh) { Data = ToJson(data.With(RoundData.View, view)) }, ids);
    }

    public static IEnumerable<KeyValuePair<string, string>> Ids(UpdateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        yield return new(RoundData.RoundId, key.RoundId);
        yield return new(RoundData.UpdateId, key.UpdateId);
        yield return new(RoundData.Version, key.Version);
    }

    public static IEnumerable<KeyValuePair<string, string>> With(
        this IEnumerable<KeyValuePair<string, string>> data, string key, string value) => [.. data, new(key, value)];

    // A fresh object per action: a JSON node can belong to one parent only.
    private static JsonObject ToJson(IEnumerable<KeyValuePair<string, string>> data)
    {
        var json = new JsonObject();
        foreach (var (key, value) in data)
        {
            json[key] = value;
        }

        return json;
    }
}
