using OspBot.Cards.Common;

namespace OspBot.Cards.Reports;

/// A compilation under way: where it has got to.
internal sealed record ReportProgressModel
{
    public required string YearLabel { get; init; }

    public required string Stage { get; init; }

    public int SubGroupsDone { get; init; }

    public int SubGroupsTotal { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}

/// A finished compilation: the download link (and where else it went), what was missing, who asked and when.
internal sealed record ReportResultModel
{
    public required string YearLabel { get; init; }

    public required int Version { get; init; }

    public required string FileName { get; init; }

    public required Uri DownloadUrl { get; init; }

    public Uri? MarkdownUrl { get; init; }

    public required DateTimeOffset LinkExpiresAt { get; init; }

    /// "Economic Development: Q3", one per update not received.
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// Sub-groups whose part was used as drafted or edited, not approved by their chair.
    public IReadOnlyList<string> NotApproved { get; init; } = [];

    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public Uri? SharePointUrl { get; init; }

    /// Why the upload to SharePoint failed, in plain words; null when it worked or is not configured.
    public string? SharePointFailure { get; init; }

    /// Set for a sub-group's own report (its key and the financial year, as YearLabel then names the sub-group too):
    /// its buttons make that report again and open the sub-group's settings.
    public (string Key, string Year)? SubGroup { get; init; }
}

/// The verbs of report cards' Action.Execute buttons; data carries "year" (e.g. "2024").
internal static class ReportVerbs
{
    public const string Compile = CrossFeatureVerbs.CompileReport;

    /// The sign-off card's buttons; data carries "part" (the part's id) and "version" (the version the card showed).
    public const string SavePart = "reportPart.save";

    public const string ApprovePart = "reportPart.approve";

    public const string AskAboutPart = "reportPart.ask";

    public const string OpenPart = "reportPart.open";

    /// The status card's: data carries "year" (e.g. "2024").
    public const string ChaseParts = "reportParts.chase";

    public const string MarkFinal = "reportParts.final";

    /// Opens a part of a year's report settings; data carries "year" and "section" (empty: the first).
    public const string Settings = "reports.settings";

    /// Saves the settings card's inputs; data carries "year", "section" and "baseVersion".
    public const string SaveSettings = "reports.settings.save";

    /// A sub-group's own annual report: data carries "group" (its key) and "year".
    public const string SubGroupReport = "subgroupReport.compile";

    /// Opens a part of a sub-group's standing settings; data carries "group" and "section".
    public const string SubGroupSettings = "subgroupSettings.open";

    /// Saves them; data carries "group", "section" and "baseVersion".
    public const string SaveSubGroupSettings = "subgroupSettings.save";
}
