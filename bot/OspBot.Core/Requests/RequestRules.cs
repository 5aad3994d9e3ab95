using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Requests;

/// How section 4 of an update becomes requests, and the limits of what the secretariat types about one.
internal static class RequestRules
{
    /// A request is at most its whole section.
    public const int MaxText = UpdateRules.MaxSectionLength;

    public const int MaxResponse = 2000;

    /// One request per bullet or paragraph, read as the report reads a section (glyph bullets, lines a PDF wrapped
    /// joined again); "None", "N/A" or "No requests this quarter" is no request at all (NilReturn, as the report).
    public static IReadOnlyList<string> Split(string? section) =>
        [.. SourceLines.Read(section).Select(u => u.Text.Trim()).Where(t => t.Length > 0 && !NilReturn.Is(t))];

    public static string Describe(RequestStatus status) => status switch
    {
        RequestStatus.New => "New",
        RequestStatus.Accepted => "Accepted",
        RequestStatus.OnAgenda => "On the steering group agenda",
        RequestStatus.InProgress => "In progress",
        RequestStatus.Done => "Done",
        RequestStatus.Declined => "Declined",
        _ => status.ToString(),
    };
}
