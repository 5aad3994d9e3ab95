namespace OspBot.Cards.Requests;

/// The verbs and input ids of the register's cards.
internal static class RequestVerbs
{
    public const string Save = "request.save";
    public const string Agenda = "request.agenda";
    public const string Filter = "requests.filter";
    public const string Export = "requests.export";

    public const string RequestId = "requestId";
    public const string Revision = "revision";

    /// Input ids: each request's form carries its own ("owner-12"), so one card can hold many forms.
    public const string Owner = "owner";
    public const string Status = "status";
    public const string Due = "due";
    public const string Response = "response";
    public const string FilterGroup = "filterGroup";
    public const string FilterStatus = "filterStatus";

    public static string InputId(string field, string requestId) => $"{field}-{requestId}";
}

/// One request as a card shows it; the strings are already formatted.
internal sealed record RequestRow
{
    public required string Id { get; init; }
    public required string Revision { get; init; }
    public required string GroupName { get; init; }
    public required string Quarter { get; init; }
    public required string Text { get; init; }
    public required string StatusValue { get; init; }
    public required string Status { get; init; }
    public string? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public string? DueDate { get; init; }
    public string? Response { get; init; }
    public required string Changed { get; init; }
    public bool IsOpen { get; init; }
}

internal sealed record RegisterCardModel
{
    public required IReadOnlyList<RequestRow> Rows { get; init; }

    /// How many matched; more than Rows when the list was cut to fit a card.
    public required int Matched { get; init; }

    public required string FilterLabel { get; init; }

    public IReadOnlyList<(string Value, string Title)> Owners { get; init; } = [];

    public IReadOnlyList<(string Value, string Title)> SubGroups { get; init; } = [];

    public IReadOnlyList<(string Value, string Title)> Statuses { get; init; } = [];

    public string? Notice { get; init; }

    public bool NoticeIsError { get; init; }
}

/// The card a request's owner gets (and sees again after each change).
internal sealed record OwnerCardModel
{
    public required RequestRow Request { get; init; }

    public IReadOnlyList<(string Value, string Title)> Statuses { get; init; } = [];

    public string? Notice { get; init; }

    public bool NoticeIsError { get; init; }
}
