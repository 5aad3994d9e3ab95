using OspBot.Cards.Common;
using OspBot.Cards.Model;

namespace OspBot.Cards.Rounds;

/// The inputs of the edit cards.
internal static class UpdateEditParts
{
    public const int PreviewChars = 300;
    public const int MaxCarryForwardTextChars = 300;
    public const int MaxNoteChars = 500;

    public static IEnumerable<CardElement> SectionInput(UpdateSection section, string? text, IReadOnlyList<FieldError> errors)
    {
        yield return new TextInput
        {
            Id = section.InputId,
            // Marked in words, since isRequired would make the client refuse "Save draft" (see below).
            Label = section.IsRequired ? section.Label + " (required)" : section.Label,
            Value = string.IsNullOrEmpty(text) ? null : text,
            IsMultiline = true,
            MaxLength = UpdateTemplate.MaxSectionChars,
            // Not isRequired: the client would then refuse "Save draft" for a half-written update. Sections 1-3
            // are checked on Submit by the server, which answers with inline errors and keeps the draft.
            Spacing = Spacing.Medium,
        };

        foreach (var error in CardBlocks.Errors(errors, section.InputId))
        {
            yield return error;
        }
    }

    /// A section whose text does not fit in this card: a preview and a button to edit it on its own card.
    /// The card has no input for it, so saving the card keeps the stored text (see <see cref="RoundData.Kept"/>).
    public static IEnumerable<CardElement> KeptSection(UpdateSection section, string text, IReadOnlyList<FieldError> errors, UpdateKey key)
    {
        yield return CardBlocks.Bold(CardText.Escape(section.Label));
        yield return new TextBlock(CardBlocks.Multiline(CardText.Truncate(text, PreviewChars))) { IsSubtle = true, MaxLines = 4 };
        yield return CardBlocks.Subtle(
            $"Your full text ({CardFormat.Count(text.Length)} characters) is kept. It is too long to edit here together "
            + "with the other sections, so edit it on its own.");
        foreach (var error in CardBlocks.Errors(errors, section.InputId))
        {
            yield return error;
        }

        yield return new ActionSet(
        [
            CardActions.Execute($"Edit section {section.Number}", RoundVerbs.EditSection, RoundActions.Ids(key).With(RoundData.Section, section.InputId)),
        ]);
    }

    public static IEnumerable<CardElement> RagInputs(UpdateEditModel model)
    {
        yield return new ChoiceSetInput
        {
            Id = UpdateInputs.Rag,
            Label = "Overall status (RAG)",
            Style = ChoiceInputStyle.Compact,
            Placeholder = "Choose Green, Amber or Red",
            Value = model.Rag is { } rag ? RoundFormat.Value(rag) : null,
            Choices = [.. Enum.GetValues<Rag>().Select(r => new Choice(RoundFormat.Label(r), RoundFormat.Value(r)))],
            Spacing = Spacing.Large,
        };
        foreach (var error in CardBlocks.Errors(model.Errors, UpdateInputs.Rag))
        {
            yield return error;
        }

        yield return new TextInput
        {
            Id = UpdateInputs.RagReason,
            Label = "Why this status? (one line)",
            Value = string.IsNullOrEmpty(model.RagReason) ? null : model.RagReason,
            MaxLength = UpdateEditCards.MaxRagReasonChars,
        };
        foreach (var error in CardBlocks.Errors(model.Errors, UpdateInputs.RagReason))
        {
            yield return error;
        }
    }

    public static IEnumerable<CardElement> CarryForward(UpdateEditModel model)
    {
        if (model.CarryForward.Count == 0)
        {
            yield break;
        }

        yield return CardBlocks.Bold("Last quarter's plans: how did they go?", Spacing.Large);
        foreach (var item in model.CarryForward)
        {
            var outcomeId = UpdateInputs.CarryForwardOutcome(item.ItemId);
            var noteId = UpdateInputs.CarryForwardNote(item.ItemId);
            yield return new TextBlock(CardText.Quote(item.Text, MaxCarryForwardTextChars)) { Spacing = Spacing.Medium };
            yield return new ColumnSet
            {
                Spacing = Spacing.Small,
                Columns =
                [
                    new Column { Width = "1", Items = [OutcomeInput(outcomeId, item.Outcome)] },
                    new Column { Width = "2", Items = [NoteInput(noteId, item.Note)] },
                ],
            };
            foreach (var error in CardBlocks.Errors(model.Errors, outcomeId).Concat(CardBlocks.Errors(model.Errors, noteId)))
            {
                yield return error;
            }
        }
    }

    private static ChoiceSetInput OutcomeInput(string id, PlanOutcome? outcome) => new()
    {
        Id = id,
        Style = ChoiceInputStyle.Compact,
        Placeholder = "Outcome",
        Value = outcome is { } o ? RoundFormat.Value(o) : null,
        Choices = [.. Enum.GetValues<PlanOutcome>().Select(o => new Choice(RoundFormat.Label(o), RoundFormat.Value(o)))],
    };

    private static TextInput NoteInput(string id, string? note) => new()
    {
        Id = id,
        Placeholder = "Note (optional)",
        Value = string.IsNullOrEmpty(note) ? null : note,
        MaxLength = MaxNoteChars,
    };
}
