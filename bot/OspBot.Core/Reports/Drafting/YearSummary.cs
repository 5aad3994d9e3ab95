using OspBot.Common;

namespace OspBot.Reports.Drafting;

/// The paragraph that opens a sub-group's part: which quarters it reported in, its status over the year and why
/// it changed, and, for a sub-group that fell silent, why, from the secretariat's note or from what it last said.
/// "The Zero Carbon Oxford Partnership sub-group reported in all four quarters; its status was green, amber in Q3
/// because partner capacity to lead sprint groups is stretched."
internal static class YearSummary
{
    /// The paragraph, and the texts of the updates it quotes (so the part does not repeat them in its lists).
    public static (DraftedItem Paragraph, IReadOnlyList<string> Quoted) Write(
        string name, int firstQuarter, IReadOnlyList<(QuarterlyUpdate Update, SourceNote Source)> updates,
        IReadOnlyList<int> missing, string yearLabel, string? note)
    {
        var quoted = new List<string>();
        var reported = updates.Select(u => u.Update.Quarter).ToList();
        var opening = firstQuarter > 1 ? $"The {name} sub-group was set up during the year and" : $"The {name} sub-group";
        var sentence = (reported.Count, missing.Count) switch
        {
            (0, _) when firstQuarter > 1 => $"{opening} has not yet reported",
            (0, _) => $"{opening} did not report during {yearLabel}",
            (4, 0) => $"{opening} reported in all four quarters",
            (_, 0) => $"{opening} reported in {Join(reported, "and")}",
            _ => $"{opening} reported in {Join(reported, "and")} but not in {Join(missing, "or")}",
        };
        sentence += Status(updates, quoted) + ".";

        var silentSince = reported.Count == 0 || missing.Any(m => m > reported[^1]);
        var notes = new List<string>();
        if (!string.IsNullOrWhiteSpace(note))
        {
            sentence += " " + PastedText.Clean(note).TrimEnd('.') + ".";
            notes.Add("The secretariat's note from the year's report settings");
        }
        else if (silentSince && updates.Count > 0 && LastWord(updates[^1].Update) is { } last && !quoted.Contains(last))
        {
            sentence += $" Its last update, for Q{updates[^1].Update.Quarter}, said: “{last.TrimEnd('.')}.”";
            quoted.Add(last);
        }
        var source = new Provenance([.. updates.Select(u => u.Source)], Note: notes.Count > 0 ? notes[0] : null);
        return (new DraftedItem(sentence, updates.Count == 0 && notes.Count == 0
            ? Provenance.Noted($"No update from the {name} sub-group was received for {yearLabel}")
            : source), quoted);
    }

    /// "; its status was green throughout", or "; its status was green, amber in Q3 because …".
    private static string Status(IReadOnlyList<(QuarterlyUpdate Update, SourceNote Source)> updates, List<string> quoted)
    {
        var rated = updates.Select(u => u.Update).Where(u => u.Rag != RagStatus.NotGiven).ToList();
        if (rated.Count == 0)
        {
            return "";
        }
        // The status most quarters had; on a tie, the better one, so the exceptions are what needs explaining.
        var usual = rated.GroupBy(u => u.Rag).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var exceptions = rated.Where(u => u.Rag != usual).ToList();
        if (exceptions.Count == 0)
        {
            return rated.Count == 1 ? $"; its status was {Colour(usual)}" : $"; its status was {Colour(usual)} throughout";
        }
        var parts = new List<string>();
        foreach (var g in exceptions.GroupBy(u => (u.Rag, Reason: PastedText.Clean(u.RagReason))))
        {
            var when = $"{Colour(g.Key.Rag)} in {Join([.. g.Select(u => u.Quarter)], "and")}";
            if (g.Key.Reason.Length > 0)
            {
                quoted.Add(g.Key.Reason);
                when += $" because {Wording.InSentence(g.Key.Reason)}";
            }
            parts.Add(when);
        }
        return $"; its status was {Colour(usual)}, {string.Join(", and ", parts)}";
    }

    /// What the update gave as its trouble: the reason for an amber or red status, or its first challenge.
    private static string? LastWord(QuarterlyUpdate update)
    {
        if (update.Rag is RagStatus.Amber or RagStatus.Red && PastedText.Clean(update.RagReason) is { Length: > 0 } reason)
        {
            return reason;
        }
        return SectionDrafter.Pieces(update.Challenges).FirstOrDefault();
    }

    private static string Colour(RagStatus rag) => rag.ToString().ToLowerInvariant();

    private static string Join(IReadOnlyList<int> quarters, string conjunction)
    {
        var names = quarters.Select(q => $"Q{q}").ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} {conjunction} {names[^1]}";
    }
}
