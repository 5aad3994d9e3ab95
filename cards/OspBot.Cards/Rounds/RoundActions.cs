using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// What the round cards' buttons carry (the buttons themselves: CardActions).
internal static class RoundActions
{
    /// Refresh for the listed people (29: MRIs): Teams re-asks the bot for each one's own current view.
    /// Teams refreshes automatically for at most 60; more than that would refresh nobody, so only the first 60 are kept.
    public static Refresh Refresh(string view, IEnumerable<KeyValuePair<string, string>> data, IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var ids = userIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Take(Model.Refresh.MaxUserIds).ToList();
        return Model.Refresh.For(new ExecuteAction(RoundVerbs.Refresh) { Data = CardActions.Json(data.With(RoundData.View, view)) }, ids);
    }

    public static IEnumerable<KeyValuePair<string, string>> Ids(UpdateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        yield return new(RoundData.RoundId, key.RoundId);
        yield return new(RoundData.UpdateId, key.UpdateId);
        yield return new(RoundData.Version, key.Version);
    }
}
