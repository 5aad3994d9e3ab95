using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Meetings;

/// The secretariat's lists about meetings: upcoming meetings, attendee responses, apologies, and members
/// OspBot cannot reach.
internal static class MeetingListCards
{
    public const string ListHeading = "Upcoming meetings";

    // Teams shows at most a handful of buttons well; more meetings than this are listed without one.
    private const int MaxOpenButtons = 12;

    public static AdaptiveCard List(MeetingListModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body = [CardBlocks.Heading(ListHeading)];
        if (model.Meetings.Count == 0)
        {
            body.Add(new TextBlock("No meetings are scheduled. Type \"schedule meeting\" to book one."));
        }
        foreach (var (m, i) in model.Meetings.Select((m, i) => (m, i)))
        {
            body.Add(new ColumnSet
            {
                Separator = true,
                Spacing = Spacing.Medium,
                Columns =
                [
                    new Column
                    {
                        Width = "stretch",
                        Items =
                        [
                            new TextBlock(CardBlocks.Name(m.Title)) { Weight = TextWeight.Bolder },
                            new TextBlock($"{CardBlocks.Name(m.GroupName)} · {MeetingBlocks.When(m.Start, m.End)}") { IsSubtle = true, Spacing = Spacing.None },
                            .. m.ApologyCount > 0 ? [CardBlocks.Subtle($"Apologies: {CardFormat.Count(m.ApologyCount)}")] : Array.Empty<CardElement>(),
                        ],
                    },
                    new Column
                    {
                        Width = "auto",
                        VerticalContentAlignment = VerticalContentAlignment.Center,
                        Items = i < MaxOpenButtons ? [new ActionSet([CardActions.Execute("Open", MeetingVerbs.Show, MeetingBlocks.Ids(m.MeetingId))])] : [],
                    },
                ],
            });
        }
        return new AdaptiveCard
        {
            FallbackText = ListHeading,
            Body = body,
            Actions = [CardActions.Execute("Schedule a meeting", MeetingVerbs.Form, [])],
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    public static AdaptiveCard Responses(ResponsesModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body = [CardBlocks.Heading("Responses"), Subheading(model.Title, model.Start)];
        if (model.Unavailable is { } why)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(why), ContainerStyle.Warning));
        }
        else
        {
            body.AddRange(Section("Accepted", model.Accepted));
            body.AddRange(Section("Tentative", model.Tentative));
            body.AddRange(Section("Declined", model.Declined));
            body.AddRange(Section("No response", model.None));
        }
        return new AdaptiveCard { FallbackText = $"Responses to {model.Title}", Body = body, Actions = [MeetingBlocks.BackButton(model.MeetingId)] };
    }

    public static AdaptiveCard Apologies(ApologiesModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body = [CardBlocks.Heading("Apologies"), Subheading(model.Title, model.Start)];
        if (model.Apologies.Count == 0)
        {
            body.Add(new TextBlock("No apologies have been received."));
        }
        else
        {
            body.Add(new FactSet([.. model.Apologies.Select(a => new Fact(CardBlocks.Name(a.Name),
                a.Note is { Length: > 0 } note ? $"{CardText.Quote(note, 300)} ({CardFormat.ShortDate(a.SentAt)})" : $"Sent {CardFormat.ShortDate(a.SentAt)}"))]));
        }
        return new AdaptiveCard { FallbackText = $"Apologies for {model.Title}", Body = body, Actions = [MeetingBlocks.BackButton(model.MeetingId)] };
    }

    public static AdaptiveCard Unreachable(UnreachableModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body =
        [
            CardBlocks.Heading("Members OspBot cannot reach"),
            new TextBlock(CardBlocks.Name(model.Title)) { IsSubtle = true, Spacing = Spacing.None },
        ];
        body.Add(model.Members.Count == 0
            ? new TextBlock("Every member can be reached in Teams.")
            : new TextBlock("They will not get reminders in Teams. Please let them know another way."));
        if (model.Members.Count > 0)
        {
            body.Add(new FactSet([.. model.Members.Select(m => new Fact(CardBlocks.Name(m.Name), CardText.Escape(m.Reason)))]));
        }
        return new AdaptiveCard { FallbackText = "Members OspBot cannot reach", Body = body, Actions = [MeetingBlocks.BackButton(model.MeetingId)] };
    }

    private static TextBlock Subheading(string title, DateTimeOffset start) =>
        new($"{CardBlocks.Name(title)} · {CardFormat.DateTime(start)}") { IsSubtle = true, Spacing = Spacing.None };

    private static IEnumerable<CardElement> Section(string heading, IReadOnlyList<ResponseLine> people)
    {
        yield return CardBlocks.Bold(string.Create(CultureInfo.InvariantCulture, $"{heading} ({people.Count})"));
        yield return MeetingBlocks.Names(people.Select(p => p.RespondedAt is { } at ? $"{CardBlocks.Name(p.Name)} ({CardFormat.ShortDate(at)})" : CardBlocks.Name(p.Name)));
    }
}
