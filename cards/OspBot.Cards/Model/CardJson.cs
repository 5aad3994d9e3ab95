using System.Text.Json;
using System.Text.Json.Serialization;

namespace OspBot.Cards.Model;

/// Source-generated serialization of cards: camelCase, nulls left out, "type" discriminators on
/// elements and actions.
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
internal sealed partial class CardJson : JsonSerializerContext;
