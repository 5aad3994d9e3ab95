using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Reports;

/// The sign-off cards: a sub-group's part for its chair (edit, approve, ask), the two versions when a save crossed
/// another, and the secretariat's overview of every part.
internal static class PartCards
{
    public static AdaptiveCard Part(PartCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body = [CardBlocks.Heading($"{CardText.Escape(model.SubGroup)}: your part of the {model.YearLabel} annual report")];
        if (model.Outcome is { } outcome)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(outcome), ContainerStyle.Good));
        }
        if (model.ChangedNotice is { } changed)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(changed)));
        }
        body.Add(new FactSet([new("Status", CardText.Escape(model.StateText)), new("Version", Number(model.Version)), new("Last saved", CardText.Escape(model.LastSaved))]));
        if (model.IsFinal)
        {
            body.Add(CardBlocks.Notice("The report was marked final: this part is locked."));
            body.AddRange(model.Sections.SelectMany(s => new CardElement[] { CardBlocks.Bold(s.Title), new TextBlock(CardBlocks.Multiline(s.Text)) }));
            return new AdaptiveCard { FallbackText = $"{model.SubGroup}: part of the {model.YearLabel} annual report", Body = body };
        }
        body.Add(CardBlocks.Subtle("Edit any section (one line a paragraph, \"- \" a bullet), then save; the secretariat sees every version."));
        body.AddRange(model.Sections.Select(Input));
        body.Add(new TextInput { Id = "question", Label = "A question for the secretariat (optional)", IsMultiline = true, MaxLength = 2000 });
        var data = Data(model.PartId, model.Version);
        List<CardAction> actions = [];
        if (model.CanApprove)
        {
            actions.Add(CardActions.Execute("Approve", ReportVerbs.ApprovePart, data, ActionStyle.Positive));
        }
        actions.Add(CardActions.Execute("Save changes", ReportVerbs.SavePart, data, sendInputs: true));
        actions.Add(CardActions.Execute("Ask the secretariat", ReportVerbs.AskAboutPart, data, sendInputs: true));
        return new AdaptiveCard { FallbackText = $"{model.SubGroup}: your part of the {model.YearLabel} annual report", Body = body, Actions = actions };
    }

    /// Both versions, each differing section once: theirs as text, the reader's own in the box, ready to save over theirs.
    public static AdaptiveCard Conflict(PartConflictModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var current = model.Current;
        List<CardElement> body =
        [
            CardBlocks.Heading($"{CardText.Escape(current.SubGroup)}: the part changed while you were editing"),
            CardBlocks.Notice($"Someone saved version {Number(current.Version)} ({CardText.Escape(current.LastSaved)}) after you opened it. "
                + "Nothing of yours was saved and nothing is lost: their text and yours are below. Keep what you want in the boxes and save again."),
        ];
        foreach (var (theirs, yours) in current.Sections.Zip(model.Yours))
        {
            body.Add(CardBlocks.Bold(theirs.Title));
            if (theirs.Text == yours.Text)
            {
                body.Add(CardBlocks.Subtle("The same in both."));
                body.Add(new TextInput { Id = yours.Key, Value = yours.Text, IsMultiline = true, MaxLength = 20_000 });
                continue;
            }
            body.Add(CardBlocks.Subtle("Theirs (saved):"));
            body.Add(new TextBlock(CardBlocks.Multiline(theirs.Text)));
            body.Add(new TextInput { Id = yours.Key, Label = "Yours (not saved)", Value = yours.Text, IsMultiline = true, MaxLength = 20_000 });
        }
        return new AdaptiveCard
        {
            FallbackText = $"{current.SubGroup}: the part changed while you were editing",
            Body = body,
            Actions =
            [
                CardActions.Execute("Save mine over theirs", ReportVerbs.SavePart, Data(current.PartId, current.Version), sendInputs: true),
                CardActions.Execute("Keep theirs", ReportVerbs.OpenPart, Data(current.PartId, current.Version)),
            ],
        };
    }

    public static AdaptiveCard Status(SignOffStatusModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body = [CardBlocks.Heading($"Sign-off of the {model.YearLabel} annual report")];
        if (model.Outcome is { } outcome)
        {
            body.Add(CardBlocks.Notice(CardText.Escape(outcome), ContainerStyle.Good));
        }
        body.Add(new FactSet([.. model.Parts.Select(p => new Fact(CardText.Escape(p.SubGroup), CardText.Escape(p.StateText)))]));
        body.Add(CardBlocks.Subtle(model.FinalText ?? (model.DaysLeft > 0 ? $"{Number(model.DaysLeft)} day(s) left to sign off." : "The sign-off date has passed.")));
        var year = new KeyValuePair<string, string>[] { new("year", model.YearLabel) };
        List<CardAction> actions = [];
        if (model.FinalText is null && model.DaysLeft > 0 && model.Parts.Any(p => p.Waiting))
        {
            actions.Add(CardActions.Execute("Chase the waiting", ReportVerbs.ChaseParts, year));
        }
        actions.Add(CardActions.Execute("Compile annual report", ReportVerbs.Compile, year, ActionStyle.Positive));
        if (model.FinalText is null)
        {
            actions.Add(CardActions.Execute("Mark final (sent to Council)", ReportVerbs.MarkFinal, year));
        }
        return new AdaptiveCard { FallbackText = $"Sign-off of the {model.YearLabel} annual report", Body = body, Actions = actions };
    }

    private static TextInput Input(PartSectionModel s) =>
        new() { Id = s.Key, Label = s.Title, Value = s.Text, IsMultiline = true, MaxLength = 20_000 };

    private static KeyValuePair<string, string>[] Data(int partId, int version) =>
        [new("part", Number(partId)), new("version", Number(version))];

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
