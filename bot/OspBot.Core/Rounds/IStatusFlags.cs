using OspBot.Members;

namespace OspBot.Rounds;

/// Something a quarter's updates raise for the steering group's attention, as the secretariat's status card and digest
/// show it: the sub-group, what is flagged in words ("Reported since Q1 2026/27: …"), and whether it is on the agenda.
public sealed record StatusFlag(string Key, string GroupName, string Summary, bool OnAgenda);

/// What another feature flags on a round's status card and digest (the escalations: a block reported quarter after
/// quarter, a RAG amber or red two quarters running). The rounds ask without knowing who answers, so Rounds does not
/// depend on it.
internal interface IStatusFlags
{
    /// The flags <paramref name="quarter"/>'s updates raise and nobody has dismissed; none for anyone but the secretariat.
    Task<IReadOnlyList<StatusFlag>> OpenFlagsAsync(Actor actor, FinancialQuarter quarter, CancellationToken ct);
}

/// Without the escalations, nothing is flagged.
internal sealed class NoStatusFlags : IStatusFlags
{
    public Task<IReadOnlyList<StatusFlag>> OpenFlagsAsync(Actor actor, FinancialQuarter quarter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StatusFlag>>([]);
}
