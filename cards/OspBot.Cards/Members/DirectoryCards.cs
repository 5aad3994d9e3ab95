using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Members;

/// The secretariat's view and editor of the OSP directory. Names come from the directory or from what the
/// secretariat typed, so every one shown in a TextBlock or FactSet is escaped.
internal static class DirectoryCards
{
    private const string Secretariat = "the OSP secretariat (Policy & Partnerships Team, Oxford City Council)";

    public static AdaptiveCard Directory(DirectoryCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body = [new TextBlock("OSP directory") { Weight = TextWeight.Bolder, Size = TextSize.Large, Style = TextBlockStyle.Heading }];
        if (model.Error is { Length: > 0 } error)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(error), ContainerStyle.Attention));
        }
        else if (model.Confirmation is { Length: > 0 } done)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(done), ContainerStyle.Good));
        }
        body.AddRange(model.Groups.SelectMany(Group));
        body.AddRange(Reach(model.People));
        body.AddRange(DirectoryForms.SetRole(model));
        body.AddRange(DirectoryForms.Rename(model));
        body.AddRange(DirectoryForms.JobTitle(model));
        body.AddRange(DirectoryForms.AddPerson());
        body.AddRange(DirectoryForms.Channel(model));
        body.AddRange(DirectoryForms.Link(model));
        return new AdaptiveCard { FallbackText = "The OSP directory", MsTeams = TeamsCardOptions.FullWidth, Body = body };
    }

    public static AdaptiveCard NotSecretariat() => Message(
        "Only for the secretariat",
        $"Sorry, only {Secretariat} can see and change the directory here.");

    private static IEnumerable<CardElement> Group(DirectoryGroup group)
    {
        yield return new TextBlock(CardText.Escape(group.Name)) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
        if (group.Seats.Count == 0)
        {
            yield return new TextBlock("Nobody yet.") { IsSubtle = true, Spacing = Spacing.None };
            yield break;
        }
        var facts = group.Seats.GroupBy(s => s.Role)
            .Select(r => new Fact(r.Key, string.Join(", ", r.Select(s => s.IsVacant ? "(vacant)" : CardText.Escape(s.PersonName)))))
            .ToList();
        yield return new FactSet(facts) { Spacing = Spacing.None };
    }

    // Each person's channel, which "Change how OspBot reaches someone" below edits.
    private static IEnumerable<CardElement> Reach(IReadOnlyList<DirectoryPerson> people)
    {
        yield return new TextBlock("How OspBot reaches people") { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Large };
        yield return new FactSet([.. people.Select(p => new Fact(
            CardText.Escape(p.Name),
            (p.Channel ?? "Automatic") + (p.IsLinked ? "" : " · not linked to Teams yet")))])
        { Spacing = Spacing.Small };
    }

    private static AdaptiveCard Message(string heading, string text) => new()
    {
        FallbackText = text,
        Body = [new TextBlock(heading) { Weight = TextWeight.Bolder, Size = TextSize.Medium }, new TextBlock(text)],
    };
}
