using OspBot.Escalations;
using OspBot.Requests;
using OspBot.Rounds;

namespace OspBot.MeetingPack;

/// Everything the pack is written from, gathered once.
internal sealed record MeetingPackInput(
    FinancialQuarter Quarter,
    PackMeeting? Meeting,
    IReadOnlyList<PackSubGroup> SubGroups,
    IReadOnlyList<RequestView> Requests,
    IReadOnlyList<EscalationView> Escalations);

internal sealed record PackMeeting(string Title, DateTimeOffset StartsAt, string? Agenda);

/// A sub-group's update in the round; <see cref="Update"/> is null when none was submitted.
internal sealed record PackSubGroup(string Name, PackUpdate? Update, Rag? LastQuarterRag);

internal sealed record PackUpdate(bool IsLate, Rag? Rag, string? RagReason, string? Achievements, string? Plans, string? Challenges, string? Requests);
