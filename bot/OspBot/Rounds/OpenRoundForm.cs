using System.Globalization;
using OspBot.Cards.Common;
using OspBot.Cards.Rounds;
using OspBot.Common;
using OspBot.Rounds;

namespace OspBot.Rounds;

/// The open-round form: its choices, and reading its inputs back into an OpenRoundRequest.
internal static class OpenRoundForm
{
    /// What was entered wins; else the suggestion (RoundPlanner.SuggestRoundAsync); else the next quarter.
    public static OpenRoundModel Model(
        DateTimeOffset now, IReadOnlyList<OspBot.Cards.Common.FieldError> errors, RoundCardInput? entered = null, RoundSuggestion? suggested = null)
    {
        var current = RoundCalendar.QuarterOf(now);
        FinancialQuarter[] quarters = [current, current.Next, current.Next.Next];
        return new OpenRoundModel
        {
            Quarters = [.. quarters.Select(q => new QuarterChoice(Value(q), q.Label))],
            DefaultQuarter = entered?.String(OpenRoundInputs.Quarter) ?? Value(suggested?.Quarter ?? current.Next),
            MeetingDate = entered is null ? suggested?.MeetingDate : entered.Date(OpenRoundInputs.MeetingDate),
            PromptDate = entered?.Date(OpenRoundInputs.PromptDate),
            DeadlineDate = entered?.Date(OpenRoundInputs.DeadlineDate),
            Errors = errors,
        };
    }

    public static string Value(FinancialQuarter q) => string.Create(CultureInfo.InvariantCulture, $"{q.StartYear}-Q{q.Quarter}");

    /// Null (with errors) when the meeting date is missing or a value is not understood.
    public static (OpenRoundRequest? Request, IReadOnlyList<OspBot.Cards.Common.FieldError> Errors) Read(RoundCardInput input, RoundOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        List<OspBot.Cards.Common.FieldError> errors = [];
        var meeting = input.Date(OpenRoundInputs.MeetingDate);
        if (meeting is null)
        {
            errors.Add(new(OpenRoundInputs.MeetingDate, "Give the steering group meeting date."));
        }
        FinancialQuarter? quarter = null;
        if (input.String(OpenRoundInputs.Quarter) is { Length: > 0 } q)
        {
            var parts = q.Split("-Q");
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year)
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4)
            {
                quarter = new FinancialQuarter(year, n);
            }
            else
            {
                errors.Add(new(OpenRoundInputs.Quarter, "Choose one of the quarters listed."));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var at = options.SendAtLocalTime;
        return (new OpenRoundRequest
        {
            MeetingDate = meeting!.Value,
            Quarter = quarter,
            PromptAt = input.Date(OpenRoundInputs.PromptDate) is { } p ? London.ToUtc(p, at) : null,
            DeadlineAt = input.Date(OpenRoundInputs.DeadlineDate) is { } d ? London.ToUtc(d, at) : null,
        }, errors);
    }
}
