using OspBot.Cards.Common;
using OspBot.Cards.Model;
using OspBot.Cards.Requests;
using OspBot.Commands;
using OspBot.Members;
using OspBot.Rounds;

namespace OspBot.Requests;

/// `requests` (open ones; "requests all", "requests done" or "requests stronger" to filter) and the register's
/// buttons: filter, download as CSV, save a request's owner/status/due date/response, put it on the agenda.
internal sealed class RequestCommands(RequestRegister register, RegisterLinks links)
{
    public Task<BotReply> ListAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = request.Argument;
        RequestFilter filter = words switch
        {
            "" => new(),
            "all" => new() { IncludeClosed = true },
            _ when Enum.TryParse<RequestStatus>(words.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var s) && Enum.IsDefined(s) => new() { Status = s },
            _ => new() { IncludeClosed = true },
        };
        var byName = filter.IncludeClosed && words != "all" ? words : null;
        return RegisterAsync(request.Caller, filter, byName, null, false, ct);
    }

    public Task<BotReply> FilterAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = RequestCardMapper.Text(request.Data, RequestVerbs.FilterGroup) is { Length: > 0 } g ? g : null;
        var status = RequestCardMapper.Text(request.Data, RequestVerbs.FilterStatus) ?? "";
        RequestFilter filter = status == "all" ? new() { GroupKey = group, IncludeClosed = true }
            : Enum.TryParse<RequestStatus>(status, out var s) && Enum.IsDefined(s) ? new() { GroupKey = group, Status = s }
            : new() { GroupKey = group };
        return RegisterAsync(request.Caller, filter, null, null, false, ct);
    }

    public Task<BotReply> ExportAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Caller.PersonId is not { } personId)
        {
            return Task.FromResult(BotReply.With(MessageCards.NotMatched()));
        }
        var link = links.Create(personId);
        return Task.FromResult(BotReply.With(RequestCards.Download(link.Url, CardFormat.DateTime(link.ExpiresAt))));
    }

    public async Task<BotReply> SaveAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (id, revision, patch, error) = RequestCardMapper.Read(request.Data);
        if (error is not null && await CurrentAsync(request, id, ct) is { } current)
        {
            return await AnswerAsync(request, new RequestResult.Invalid(current, error), ct);
        }
        // A request the caller may not see is refused by the change itself, whatever the form held.
        return await AnswerAsync(request, await register.ChangeAsync(request.Caller.ToActor(), id, error is null ? patch : new RequestPatch(), revision, ct), ct);
    }

    public async Task<BotReply> AgendaAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (id, revision, _, _) = RequestCardMapper.Read(request.Data);
        return await AnswerAsync(request, await register.ChangeAsync(request.Caller.ToActor(), id, new RequestPatch { PutOnAgenda = true }, revision, ct), ct);
    }

    /// The secretariat sees the register again with what happened; the owner sees their card again.
    private async Task<BotReply> AnswerAsync(CommandRequest request, RequestResult result, CancellationToken ct)
    {
        var secretariat = request.Caller.Roles.HasFlag(Roles.Secretariat);
        var (view, notice, isError) = result switch
        {
            RequestResult.Saved { OwnerNotified: true } s => (s.Request, $"Saved. {s.Request.OwnerName} has been sent the request.", false),
            RequestResult.Saved s => (s.Request, "Saved.", false),
            RequestResult.Stale s => (s.Current, "Someone changed this request while you were looking at it: here it is as it stands now. Nothing was saved.", true),
            RequestResult.Invalid i => (i.Current, i.Error, true),
            RequestResult.Refused r => (null, r.Refusal.Message, true),
            _ => throw new InvalidOperationException("Unknown result."),
        };
        if (view is null || !secretariat)
        {
            return BotReply.With(view is null ? MessageCards.Message("Sorry", notice) : RequestCards.Owner(RequestCardMapper.Owner(view, notice, isError)));
        }
        return await RegisterAsync(request.Caller, new RequestFilter { GroupKey = view.GroupKey, IncludeClosed = true }, null, notice, isError, ct);
    }

    private async Task<RequestView?> CurrentAsync(CommandRequest request, int id, CancellationToken ct) =>
        await register.GetAsync(request.Caller.ToActor(), id, ct) is Lookup<RequestView>.Found f ? f.Value : null;

    private async Task<BotReply> RegisterAsync(CommandCaller caller, RequestFilter filter, string? nameWords, string? notice, bool isError, CancellationToken ct)
    {
        switch (await register.ListAsync(caller.ToActor(), filter, ct))
        {
            case Lookup<RegisterView>.Refused r:
                return BotReply.With(MessageCards.Message("Sorry", r.Refusal.Message));
            case Lookup<RegisterView>.Found { Value: var view }:
                if (nameWords is not null)
                {
                    view = view with { Requests = [.. view.Requests.Where(q => q.GroupName.Contains(nameWords, StringComparison.OrdinalIgnoreCase) || q.GroupKey == nameWords)] };
                }
                return BotReply.With(RequestCards.Register(RequestCardMapper.Register(view, Label(filter, nameWords, view), notice, isError)));
            default:
                throw new InvalidOperationException("Unknown lookup.");
        }
    }

    private static string Label(RequestFilter filter, string? nameWords, RegisterView view)
    {
        var group = filter.GroupKey is { } key ? view.SubGroups.FirstOrDefault(g => g.Key == key)?.Name ?? key : nameWords is { Length: > 0 } w ? $"matching “{w}”" : "all sub-groups";
        var status = filter.Status is { } s ? RequestRules.Describe(s).ToLowerInvariant() : filter.IncludeClosed ? "every status" : "open";
        return $"Requests: {status}, {group}.";
    }
}
