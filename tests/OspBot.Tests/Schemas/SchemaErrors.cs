using NJsonSchema.Validation;

namespace OspBot.Tests.Schemas;

/// Turns NJsonSchema's error tree into readable lines, one per leaf error.
internal static class SchemaErrors
{
    public static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error => error is ChildSchemaValidationError child
            ? Branches(child).SelectMany(Flatten).Select(inner => $"{Describe(error)} -> {inner}")
            : [Describe(error)]);

    // allOf and array items: every failing branch matters. anyOf/oneOf (the element and action unions):
    // listing why all 16 alternatives failed buries the point, so keep the alternative whose "type"
    // matched, or else the one with the fewest complaints.
    private static List<ICollection<ValidationError>> Branches(ChildSchemaValidationError child)
    {
        var failing = child.Errors.Values.Where(e => e.Count > 0).ToList();
        if (child.Kind is not (ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf) || failing.Count == 0)
        {
            return failing;
        }

        var sameType = failing.Where(e => !e.Any(IsTypeMismatch)).ToList();
        return [(sameType.Count > 0 ? sameType : failing).MinBy(e => e.Count)!];
    }

    private static bool IsTypeMismatch(ValidationError error) =>
        error.Kind == ValidationErrorKind.NotInEnumeration && error.Property == "type";

    private static string Describe(ValidationError error) =>
        $"{error.Kind} at {(string.IsNullOrEmpty(error.Path) ? "#" : error.Path)}";
}
