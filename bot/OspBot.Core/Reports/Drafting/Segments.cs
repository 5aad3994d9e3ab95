namespace OspBot.Reports.Drafting;

/// A part of one section of one update, as its structure shows it.
internal abstract record Segment;

/// A paragraph of prose that introduces no list.
internal sealed record ProseSegment(string Text) : Segment;

/// Prose ending in a lead-in ("The areas of focus for this work are;") and the list it introduces.
internal sealed record LeadInSegment(string Text, List<string> Items) : Segment;

/// A list under the lead's own theme ("Educational Attainment:"); <see cref="Path"/> holds the themes it sits
/// under, outermost first ("Inclusive Employment", "Supporting Prison Leavers into Employment").
internal sealed record ThemeSegment(IReadOnlyList<string> Path, string Terminator, List<string> Items) : Segment;

/// A list with no theme or lead-in of its own.
internal sealed record ListSegment(List<string> Items) : Segment;
