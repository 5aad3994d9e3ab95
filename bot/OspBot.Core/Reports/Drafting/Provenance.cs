using System.Globalization;
using OspBot.Common;

namespace OspBot.Reports.Drafting;

/// Where a piece of an update came from: the sub-group, the quarter, who wrote it (the person who submitted it),
/// who approved it (a chair, when the sub-group needs one) and the version that was submitted.
internal sealed record SourceNote(string SubGroup, int Year, int Quarter, string? Author, string? Approver = null, int? Version = null)
{
    /// "Q2 2023/24"
    public string QuarterLabel => string.Create(CultureInfo.InvariantCulture, $"Q{Quarter} {FinancialYears.Label(Year)}");

    /// "Q2 2023/24, written by Tomasz Nowak, approved by Cllr Susan Brown, version 3"
    public string Describe()
    {
        var author = PastedText.Clean(Author);
        var approver = PastedText.Clean(Approver);
        var who = (author, approver) switch
        {
            ({ Length: > 0 }, _) when author == approver => $"written and approved by {author}",
            ({ Length: > 0 }, { Length: > 0 }) => $"written by {author}, approved by {approver}",
            ({ Length: > 0 }, _) => $"written by {author}",
            (_, { Length: > 0 }) => $"author not recorded, approved by {approver}",
            _ => "author not recorded",
        };
        return Version is { } v ? string.Create(CultureInfo.InvariantCulture, $"{QuarterLabel}, {who}, version {v}") : $"{QuarterLabel}, {who}";
    }
}

/// The sources of one generated item or paragraph, for the officer's review pane (a Word comment) and the
/// Markdown's footnotes: every quarter that reported it, which wording was kept, and how else it was worded.
/// <see cref="Note"/> adds what the updates do not say (the secretariat's note, a meeting's date).
internal sealed record Provenance(
    IReadOnlyList<SourceNote> Sources, SourceNote? Kept = null, IReadOnlyList<(SourceNote Source, string Text)>? OtherWordings = null, string? Note = null)
{
    private const int QuotedLength = 160;

    public static Provenance Of(SourceNote source) => new([source]);

    public static Provenance Noted(string note) => new([], Note: note);

    public string Comment()
    {
        var parts = Sources.GroupBy(s => s.SubGroup)
            .Select(g => $"{PastedText.Clean(g.Key)}, {string.Join("; ", g.OrderBy(s => s.Year).ThenBy(s => s.Quarter).Select(s => s.Describe()))}");
        var comment = string.Join(". ", parts.Append(Note ?? "").Where(p => p.Length > 0));
        // Which quarter's words were kept matters only when the quarters worded it differently.
        if (Sources.Count > 1 && Kept is not null && OtherWordings is { Count: > 0 })
        {
            comment += $". Wording from {Kept.QuarterLabel}";
        }
        foreach (var (source, text) in OtherWordings ?? [])
        {
            var quoted = text.Length > QuotedLength ? text[..QuotedLength].TrimEnd() + "…" : text;
            comment += $". Also worded ({source.QuarterLabel}): “{quoted}”";
        }
        return comment;
    }
}
