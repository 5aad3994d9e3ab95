using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Requests;

/// The requests register in Teams: the secretariat's list (filters, and for each request a form to assign an owner,
/// set its status, due date and response, or put it on the steering group's agenda), and the owner's card. Every
/// text a person typed is escaped.
internal static class RequestCards
{
    public const int MaxRows = 15;

    public static AdaptiveCard Register(RegisterCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body = [CardBlocks.Heading("Requests register"), CardBlocks.Subtle(CardText.Escape(model.FilterLabel))];
        AddNotice(body, model.Notice, model.NoticeIsError);
        if (model.Rows.Count == 0)
        {
            body.Add(new TextBlock("No requests match."));
        }
        foreach (var row in model.Rows)
        {
            body.Add(Request(row, withGroup: true));
            body.Add(new ActionSet([
                new ShowCardAction(Form(row, model.Owners, model.Statuses)) { Title = "Update" },
                CardActions.Execute("Put on the steering group agenda", RequestVerbs.Agenda, Ids(row)),
            ]));
        }
        if (model.Matched > model.Rows.Count)
        {
            body.Add(CardBlocks.Subtle($"Showing {model.Rows.Count} of {model.Matched}: choose a sub-group or status to see the others."));
        }
        body.Add(new ChoiceSetInput { Id = RequestVerbs.FilterGroup, Label = "Sub-group", Choices = Choices(model.SubGroups, ("", "All sub-groups")), Value = "", Separator = true });
        body.Add(new ChoiceSetInput { Id = RequestVerbs.FilterStatus, Label = "Status", Choices = Choices(model.Statuses, ("", "Open"), ("all", "All")), Value = "" });
        return new AdaptiveCard
        {
            FallbackText = "The requests register",
            MsTeams = TeamsCardOptions.FullWidth,
            Body = body,
            Actions = [
                CardActions.Execute("Filter", RequestVerbs.Filter, [], sendInputs: true),
                CardActions.Execute("Download CSV", RequestVerbs.Export, []),
            ],
        };
    }

    public static AdaptiveCard Owner(OwnerCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body = [CardBlocks.Heading("A request for OSP support is yours")];
        AddNotice(body, model.Notice, model.NoticeIsError);
        body.Add(Request(model.Request, withGroup: true));
        return new AdaptiveCard
        {
            FallbackText = $"{model.Request.GroupName} asked: {CardText.Truncate(model.Request.Text, 200)}",
            Body = body,
            Actions = [new ShowCardAction(Form(model.Request, [], model.Statuses)) { Title = "Update" }],
        };
    }

    /// A plain link card (the CSV download).
    public static AdaptiveCard Download(Uri url, string expires) => new()
    {
        FallbackText = $"The requests register as CSV: {url}",
        Body = [CardBlocks.Heading("Requests register (CSV)"), new TextBlock($"The link works until {CardText.Escape(expires)}.")],
        Actions = [new OpenUrlAction(url) { Title = "Download CSV" }],
    };

    private static Container Request(RequestRow row, bool withGroup)
    {
        List<Fact> facts = [];
        if (withGroup)
        {
            facts.Add(new("Sub-group", CardText.Escape(row.GroupName)));
        }
        facts.Add(new("Quarter", row.Quarter));
        facts.Add(new("Status", row.Status));
        facts.Add(new("Owner", row.OwnerName is { } owner ? CardText.Escape(owner) : "nobody yet"));
        if (row.DueDate is { } due)
        {
            facts.Add(new("Due", due));
        }
        if (row.Response is { } response)
        {
            facts.Add(new("The OSP did", CardText.Escape(response)));
        }
        facts.Add(new("Changed", CardText.Escape(row.Changed)));
        return new Container
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Items = [new TextBlock($"“{CardText.Escape(row.Text)}”") { Weight = TextWeight.Bolder }, new FactSet(facts)],
        };
    }

    private static AdaptiveCard Form(RequestRow row, IReadOnlyList<(string Value, string Title)> owners, IReadOnlyList<(string Value, string Title)> statuses)
    {
        List<CardElement> body = [];
        if (owners.Count > 0)
        {
            body.Add(new ChoiceSetInput { Id = RequestVerbs.InputId(RequestVerbs.Owner, row.Id), Label = "Owner", Choices = Choices(owners, ("0", "Nobody")), Value = row.OwnerId ?? "0" });
        }
        body.Add(new ChoiceSetInput { Id = RequestVerbs.InputId(RequestVerbs.Status, row.Id), Label = "Status", Choices = Choices(statuses), Value = row.StatusValue });
        body.Add(new DateInput { Id = RequestVerbs.InputId(RequestVerbs.Due, row.Id), Label = "Due date", Value = row.DueDate });
        body.Add(new TextInput { Id = RequestVerbs.InputId(RequestVerbs.Response, row.Id), Label = "What the OSP did (the response)", Value = row.Response, IsMultiline = true, MaxLength = 2000 });
        return new AdaptiveCard { Schema = null, Body = body, Actions = [CardActions.Execute("Save", RequestVerbs.Save, Ids(row), ActionStyle.Positive, sendInputs: true)] };
    }

    private static List<KeyValuePair<string, string>> Ids(RequestRow row) =>
        [new(RequestVerbs.RequestId, row.Id), new(RequestVerbs.Revision, row.Revision)];

    private static List<Choice> Choices(IEnumerable<(string Value, string Title)> options, params (string Value, string Title)[] first) =>
        [.. first.Concat(options).Select(o => new Choice(o.Title, o.Value))];

    private static void AddNotice(List<CardElement> body, string? notice, bool isError)
    {
        if (notice is { Length: > 0 })
        {
            body.Add(CardBlocks.Notice(CardText.Escape(notice), isError ? ContainerStyle.Attention : ContainerStyle.Good));
        }
    }
}
