using System.Text.Json;
using System.Text.Json.Serialization;

namespace OspBot.Cards.Model;

/// Adaptive Card enum values are camelCase strings.
internal sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase) where T : struct, Enum;

[JsonConverter(typeof(CamelCaseEnum<Spacing>))]
internal enum Spacing { Default, None, Small, Medium, Large, ExtraLarge, Padding }

[JsonConverter(typeof(CamelCaseEnum<TextSize>))]
internal enum TextSize { Default, Small, Medium, Large, ExtraLarge }

[JsonConverter(typeof(CamelCaseEnum<TextWeight>))]
internal enum TextWeight { Default, Lighter, Bolder }

[JsonConverter(typeof(CamelCaseEnum<TextColor>))]
internal enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

[JsonConverter(typeof(CamelCaseEnum<TextBlockStyle>))]
internal enum TextBlockStyle { Default, Heading }

[JsonConverter(typeof(CamelCaseEnum<ContainerStyle>))]
internal enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

[JsonConverter(typeof(CamelCaseEnum<VerticalContentAlignment>))]
internal enum VerticalContentAlignment { Top, Center, Bottom }

[JsonConverter(typeof(CamelCaseEnum<ImageSize>))]
internal enum ImageSize { Auto, Stretch, Small, Medium, Large }

[JsonConverter(typeof(CamelCaseEnum<ImageStyle>))]
internal enum ImageStyle { Default, Person }

[JsonConverter(typeof(CamelCaseEnum<ActionStyle>))]
internal enum ActionStyle { Default, Positive, Destructive }

[JsonConverter(typeof(CamelCaseEnum<ActionMode>))]
internal enum ActionMode { Primary, Secondary }

[JsonConverter(typeof(CamelCaseEnum<ChoiceInputStyle>))]
internal enum ChoiceInputStyle { Compact, Expanded }

/// The schema spells these values capitalised, unlike every other Adaptive Card enum.
[JsonConverter(typeof(JsonStringEnumConverter<AssociatedInputs>))]
internal enum AssociatedInputs { Auto, None }
