using System.Globalization;
using System.Text.Json.Nodes;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Reports;

/// The requester's annual report card, through its life: progress, result, and the short answers.
internal static class ReportCards
{
    private const string Secretariat = "the OSP secretariat (Oxford City Council Policy & Partnerships Team)";

    public static AdaptiveCard Progress(ReportProgressModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<Fact> facts = [new("Stage", CardText.Escape(model.Stage))];
        if (model.SubGroupsTotal > 0)
        {
            facts.Add(new("Sub-groups", string.Create(CultureInfo.InvariantCulture, $"{model.SubGroupsDone} of {model.SubGroupsTotal}")));
        }

        facts.Add(new("Asked by", $"{CardBlocks.Name(model.RequestedBy)}, {CardFormat.DateTime(model.RequestedAt)}"));
        return new AdaptiveCard
        {
            FallbackText = $"Compiling the {model.YearLabel} annual report: {model.Stage}",
            Body =
            [
                CardBlocks.Heading($"Compiling the {model.YearLabel} annual report"),
                new FactSet(facts),
                CardBlocks.Subtle("This card updates itself; the download link appears here when the document is ready."),
            ],
        };
    }

    public static AdaptiveCard Result(ReportResultModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<CardElement> body =
        [
            CardBlocks.Heading($"The {model.YearLabel} annual report is ready"),
            new FactSet(
            [
                new Fact("Version", model.Version.ToString(CultureInfo.InvariantCulture)),
                new Fact("File", CardText.Escape(model.FileName)),
                new Fact("Asked by", $"{CardBlocks.Name(model.RequestedBy)}, {CardFormat.DateTime(model.RequestedAt)}"),
                new Fact("Link works until", CardFormat.DateTime(model.LinkExpiresAt)),
            ]),
        ];
        if (model.Missing.Count > 0)
        {
            body.Add(CardBlocks.Bold("Updates not received (the document says so too):"));
            body.Add(new TextBlock(string.Join("\n\n", model.Missing.Select(m => "• " + CardText.Escape(m)))) { Spacing = Spacing.Small });
        }
        else
        {
            body.Add(new TextBlock("Every expected update was received."));
        }

        if (model.NotApproved.Count > 0)
        {
            body.Add(CardBlocks.Bold("Parts not yet approved by their sub-group (used as drafted or edited):"));
            body.Add(new TextBlock(string.Join("\n\n", model.NotApproved.Select(m => "• " + CardText.Escape(m)))) { Spacing = Spacing.Small });
        }

        if (model.SharePointFailure is { } failure)
        {
            body.Add(new TextBlock($"The upload to SharePoint failed: {CardText.Escape(failure)} The download link above still works.")
            {
                Color = TextColor.Attention,
            });
        }

        List<CardAction> actions = [new OpenUrlAction(model.DownloadUrl) { Title = "Download (.docx)", Style = ActionStyle.Positive }];
        if (model.MarkdownUrl is { } md)
        {
            actions.Add(new OpenUrlAction(md) { Title = "Download (Markdown)" });
        }

        if (model.SharePointUrl is { } sp)
        {
            actions.Add(new OpenUrlAction(sp) { Title = "Open in SharePoint" });
        }

        if (model.SubGroup is { } group)
        {
            actions.Add(SubGroupSettingsCards.MakeReportButton("Make it again", group.Key, group.Year));
            actions.Add(SubGroupSettingsCards.Button(group.Key));
        }
        else
        {
            actions.Add(CompileButton("Compile again", model.YearLabel));
            actions.Add(ReportSettingsCards.Button(model.YearLabel));
        }
        return new AdaptiveCard
        {
            FallbackText = $"The {model.YearLabel} annual report is ready: {model.DownloadUrl}",
            Body = body,
            Actions = actions,
        };
    }

    public static AdaptiveCard AlreadyRunning(ReportProgressModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Message(
            $"The {model.YearLabel} report is already being compiled",
            $"{CardBlocks.Name(model.RequestedBy)} asked for it on {CardFormat.DateTime(model.RequestedAt)} and it is at: "
                + $"{CardText.Escape(model.Stage)}. Their card shows the result; ask again once it is done for a new version.");
    }

    public static AdaptiveCard Failed(string yearLabel) => Message(
        $"The {yearLabel} report could not be compiled",
        "Something went wrong while compiling it (the details are in the bot's log). "
            + "Check the year's report settings and try again, or ask for help.") with
    {
        Actions = [ReportSettingsCards.Button(yearLabel)],
    };

    public static AdaptiveCard NotAllowed() => Message(
        "Only the secretariat can compile the annual report",
        $"Compiling the OSP annual report is done by {Secretariat}. If you need a copy, please ask them.");

    public static AdaptiveCard BadYear(string typed, string command = "compile report") => Message(
        "Which financial year?",
        $"I could not read {CardText.Quote(typed, 40)} as a financial year. Write it as \"{command} 2024/25\" "
            + $"(April 2024 to March 2025), or just \"{command}\" for the last complete year.");

    private static ExecuteAction CompileButton(string title, string yearLabel) => new(ReportVerbs.Compile)
    {
        Title = title,
        Data = new JsonObject { ["year"] = yearLabel },
    };

    private static AdaptiveCard Message(string heading, string text) => new()
    {
        FallbackText = heading,
        Body = [new TextBlock(heading) { Weight = TextWeight.Bolder, Size = TextSize.Medium }, new TextBlock(text)],
    };
}
