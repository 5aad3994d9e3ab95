using OspBot.Members;

namespace OspBot.Rounds;

/// A request the sub-group made in an earlier quarter, as its next prompt card shows it: "You asked … — the OSP did …".
public sealed record EarlierRequest(int Id, string QuarterLabel, string Text, string Status, string? Response, bool? StillStands, bool IsOpen);

/// What another feature adds to a sub-group's prompt card, and the answers it takes back from it. The rounds ask
/// without knowing who answers (the requests register does), so Rounds does not depend on it.
internal interface IPromptExtras
{
    /// The group's open requests from before <paramref name="quarter"/>, and those answered since the quarter before it.
    Task<IReadOnlyList<EarlierRequest>> EarlierRequestsAsync(int groupId, FinancialQuarter quarter, CancellationToken ct);

    /// The lead's answers to "does this request still stand?", by request id; the answerer must hold a seat of its group.
    Task RecordStillStandsAsync(Actor actor, IReadOnlyDictionary<int, bool> answers, CancellationToken ct);

    /// How section 4 as typed would go to the register, one entry per request (none for "None"); null where
    /// nothing takes requests from updates, so the card offers no preview.
    IReadOnlyList<string>? SplitRequests(string? section4);
}

/// Without the register, a prompt card has nothing more to show.
internal sealed class NoPromptExtras : IPromptExtras
{
    public Task<IReadOnlyList<EarlierRequest>> EarlierRequestsAsync(int groupId, FinancialQuarter quarter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<EarlierRequest>>([]);

    public Task RecordStillStandsAsync(Actor actor, IReadOnlyDictionary<int, bool> answers, CancellationToken ct) => Task.CompletedTask;

    public IReadOnlyList<string>? SplitRequests(string? section4) => null;
}
