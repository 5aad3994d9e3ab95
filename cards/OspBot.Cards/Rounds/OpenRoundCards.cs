using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// The secretariat's form to open a quarterly round.
internal static class OpenRoundCards
{
    public static AdaptiveCard OpenRound(OpenRoundModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string[] onCard = [OpenRoundInputs.Quarter, OpenRoundInputs.MeetingDate, OpenRoundInputs.PromptDate, OpenRoundInputs.DeadlineDate];
        return new AdaptiveCard
        {
            FallbackText = "Open a quarterly update round.",
            Body =
            [
                CardBlocks.Heading("Open a quarterly update round"),
                new TextBlock("I will ask every sub-group chair and lead for their update. Give the steering group meeting "
                    + "date and I work out when to ask and the deadline, or set those dates yourself."),
                .. model.Errors.Where(e => !onCard.Contains(e.InputId)).Select(e => CardBlocks.Error(e.Message)),
                new ChoiceSetInput
                {
                    Id = OpenRoundInputs.Quarter,
                    Label = "Quarter",
                    Style = ChoiceInputStyle.Compact,
                    IsRequired = true,
                    ErrorMessage = "Choose the quarter.",
                    Value = model.DefaultQuarter,
                    Choices = [.. model.Quarters.Select(q => new Choice(q.Label, q.Value))],
                },
                .. CardBlocks.Errors(model.Errors, OpenRoundInputs.Quarter),
                .. DateField(OpenRoundInputs.MeetingDate, "Steering group meeting date", model.MeetingDate, model.Errors),
                .. DateField(OpenRoundInputs.PromptDate, "Ask for updates on (optional)", model.PromptDate, model.Errors),
                .. DateField(OpenRoundInputs.DeadlineDate, "Deadline (optional)", model.DeadlineDate, model.Errors),
            ],
            Actions = [CardActions.Execute("Open round", RoundVerbs.OpenRound, [], ActionStyle.Positive, sendInputs: true)],
            MsTeams = TeamsCardOptions.FullWidth,
        };
    }

    private static IEnumerable<CardElement> DateField(string id, string label, DateOnly? value, IReadOnlyList<FieldError> errors)
    {
        yield return new DateInput
        {
            Id = id,
            Label = label,
            Value = value?.ToString(OpenRoundInputs.DateFormat, CultureInfo.InvariantCulture),
        };
        foreach (var error in CardBlocks.Errors(errors, id))
        {
            yield return error;
        }
    }
}
