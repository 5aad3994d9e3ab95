using System.Globalization;
using System.Text.Json;
using OspBot.Cards.Common;
using OspBot.Cards.Requests;

namespace OspBot.Requests;

/// From the register's views to its cards, and from what a card sent back to a patch.
internal static class RequestCardMapper
{
    /// Everything the secretariat may set; the owner reports progress but does not table a request.
    public static readonly IReadOnlyList<(string Value, string Title)> AllStatuses =
        [.. Enum.GetValues<RequestStatus>().Select(s => (s.ToString(), RequestRules.Describe(s)))];

    public static readonly IReadOnlyList<(string Value, string Title)> OwnerStatuses =
        [.. AllStatuses.Where(s => s.Value != nameof(RequestStatus.New) && s.Value != nameof(RequestStatus.OnAgenda))];

    public static RequestRow Row(RequestView r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RequestRow
        {
            Id = r.Id.ToString(CultureInfo.InvariantCulture),
            Revision = r.Revision.ToString(CultureInfo.InvariantCulture),
            GroupName = r.GroupName,
            Quarter = r.Quarter.Label,
            Text = r.Text,
            StatusValue = r.Status.ToString(),
            Status = RequestRules.Describe(r.Status),
            OwnerId = r.OwnerPersonId?.ToString(CultureInfo.InvariantCulture),
            OwnerName = r.OwnerName,
            DueDate = r.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Response = r.Response,
            Changed = $"{CardFormat.ShortDate(r.UpdatedAt)} by {r.UpdatedBy}",
            IsOpen = r.IsOpen,
        };
    }

    public static RegisterCardModel Register(RegisterView view, string filterLabel, string? notice = null, bool isError = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new RegisterCardModel
        {
            Rows = [.. view.Requests.Take(RequestCards.MaxRows).Select(Row)],
            Matched = view.Requests.Count,
            FilterLabel = filterLabel,
            Owners = [.. view.Owners.Select(o => (o.PersonId.ToString(CultureInfo.InvariantCulture), o.Name))],
            SubGroups = [.. view.SubGroups.Select(g => (g.Key, g.Name))],
            Statuses = AllStatuses,
            Notice = notice,
            NoticeIsError = isError,
        };
    }

    public static OwnerCardModel Owner(RequestView view, string? notice = null, bool isError = false) => new()
    {
        Request = Row(view),
        Statuses = view.Status == RequestStatus.OnAgenda ? [(nameof(RequestStatus.OnAgenda), RequestRules.Describe(RequestStatus.OnAgenda)), .. OwnerStatuses] : OwnerStatuses,
        Notice = notice,
        NoticeIsError = isError,
    };

    /// The request a button is about, the revision its card showed, and the form's inputs (absent: unchanged).
    public static (int Id, int Revision, RequestPatch Patch, string? Error) Read(JsonElement? data)
    {
        var id = Text(data, RequestVerbs.RequestId) ?? "";
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var requestId);
        int.TryParse(Text(data, RequestVerbs.Revision), NumberStyles.None, CultureInfo.InvariantCulture, out var revision);
        string? Input(string field) => Text(data, RequestVerbs.InputId(field, id));
        var due = Input(RequestVerbs.Due) is { Length: > 0 } d ? d : null;
        DateOnly? dueDate = due is not null && DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        var status = Enum.TryParse<RequestStatus>(Input(RequestVerbs.Status), out var s) && Enum.IsDefined(s) ? s : (RequestStatus?)null;
        var owner = int.TryParse(Input(RequestVerbs.Owner), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : (int?)null;
        var patch = new RequestPatch { Status = status, OwnerPersonId = owner, DueDate = dueDate, Response = Input(RequestVerbs.Response) };
        return (requestId, revision, patch, due is not null && dueDate is null ? $"“{due}” is not a date: pick one from the calendar." : null);
    }

    public static string? Text(JsonElement? data, string key) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
