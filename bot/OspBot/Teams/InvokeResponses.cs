using System.Text.Json;
using OspBot.Teams.Schema;

namespace OspBot.Teams;

/// Builders for the bodies Teams accepts in answer to adaptiveCard/action (spec section 8).
public static class InvokeResponses
{
    public static AdaptiveCardInvokeResponse Card(JsonElement card) =>
        new() { StatusCode = 200, Type = AdaptiveCardInvokeResponse.CardType, Value = card };

    public static AdaptiveCardInvokeResponse Message(string text) =>
        new()
        {
            StatusCode = 200,
            Type = AdaptiveCardInvokeResponse.MessageType,
            Value = JsonSerializer.SerializeToElement(text, TeamsJson.Default.String),
        };

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new()
        {
            StatusCode = statusCode,
            Type = AdaptiveCardInvokeResponse.ErrorType,
            Value = JsonSerializer.SerializeToElement(new ErrorBody(code, message), TeamsJson.Default.ErrorBody),
        };
}
