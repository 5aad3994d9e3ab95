using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Tests.Rounds;

internal static class RoundAssert
{
    public static T Found<T>(Lookup<T> lookup) => Assert.IsType<Lookup<T>.Found>(lookup).Value;

    public static UpdateView Saved(UpdateResult result) => Assert.IsType<UpdateResult.Saved>(result).View;

    public static RoundView Done(RoundResult result) => Assert.IsType<RoundResult.Done>(result).Round;

    public static Refusal Refused(UpdateResult result) => Assert.IsType<UpdateResult.Refused>(result).Refusal;

    public static UpdateContent Complete(string tag = "") => new()
    {
        Achievements = "Did things" + tag,
        Plans = "Plan A\nPlan B",
        Challenges = "None",
        Rag = Rag.Green,
    };

    /// Opens the round for a meeting on 2 Nov 2026 (prompts 12 Oct, deadline 26 Oct 09:00) and returns it.
    public static async Task<RoundView> OpenAsync(RoundsWorld world, CancellationToken ct, DateOnly? meeting = null) =>
        Done(await world.Admin().OpenRoundAsync(RoundsWorld.Secretariat, new OpenRoundRequest { MeetingDate = meeting ?? new(2026, 11, 2) }, ct));

    public static async Task<int> UpdateIdAsync(RoundsWorld world, int roundId, string groupKey, CancellationToken ct)
    {
        var status = Found(await world.Views().StatusAsync(RoundsWorld.Secretariat, roundId, ct));
        return status.Groups.Single(g => g.GroupKey == groupKey).UpdateId;
    }

    public static async Task<UpdateView> ViewAsync(RoundsWorld world, OspBot.Members.Actor actor, int updateId, CancellationToken ct) =>
        Found(await world.Editor().GetUpdateForEditingAsync(actor, updateId, ct));
}
