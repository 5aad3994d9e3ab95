using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace OspBot.Tests.EndToEnd;

/// A message the bot sent, as the playground's UI received it over its WebSocket.
public sealed record BotMessage(string Action, string ConversationId, long Timestamp, string? Text, IReadOnlyList<JsonNode> AdaptiveCards)
{
    /// The activity id: an updateMessage carries the id of the message it replaces.
    public string? Id { get; init; }

    public bool HasCardContaining(string text) =>
        AdaptiveCards.Any(card => card.ToJsonString().Contains(text, StringComparison.Ordinal));
}

/// The playground's UI stream (/_ws_conversation/v1/conversations/stream): createMessage / updateMessage events.
/// It buffers events while no client is connected and replays them on connect, so callers filter by timestamp.
public sealed class PlaygroundFeed : IAsyncDisposable
{
    private const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<BotMessage> _messages = Channel.CreateUnbounded<BotMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _botId;
    private Task _pump = Task.CompletedTask;

    private PlaygroundFeed(string botId) => _botId = botId;

    internal static async Task<PlaygroundFeed> ConnectAsync(Uri url, string botId, CancellationToken ct)
    {
        var stream = new PlaygroundFeed(botId);
        await stream._socket.ConnectAsync(url, ct);
        stream._pump = stream.PumpAsync(stream._stop.Token);
        return stream;
    }

    /// The first bot message matching <paramref name="match"/>; fails after <paramref name="timeout"/>.
    public async Task<BotMessage> WaitForBotMessageAsync(Func<BotMessage, bool> match, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var seen = new List<string>();
        try
        {
            await foreach (var message in _messages.Reader.ReadAllAsync(cts.Token))
            {
                if (match(message))
                {
                    return message;
                }

                seen.Add($"{message.Action} at {message.Timestamp}: {message.Text ?? string.Join(' ', message.AdaptiveCards.Select(c => c.ToJsonString()))}");
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: reported below with what did arrive.
        }

        throw new TimeoutException($"No matching bot message within {timeout.TotalSeconds} s. Bot messages seen: {seen.Count}\n{string.Join('\n', seen)}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            await ReceiveAllAsync(buffer, frame, ct);
        }
        finally
        {
            // Readers stop waiting once the socket is gone, whatever the reason.
            _messages.Writer.TryComplete();
        }
    }

    private async Task ReceiveAllAsync(byte[] buffer, MemoryStream frame, CancellationToken ct)
    {
        while (_socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var message = Parse(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length));
            frame.SetLength(0);
            if (message is not null)
            {
                await _messages.Writer.WriteAsync(message, ct);
            }
        }
    }

    private BotMessage? Parse(string json)
    {
        var node = JsonNode.Parse(json);
        var message = node?["message"];
        if (message is null || (string?)message["from"]?["id"] != _botId)
        {
            return null;
        }

        var cards = (message["attachments"]?.AsArray() ?? [])
            .Where(a => (string?)a?["contentType"] == AdaptiveCard && a?["content"] is not null)
            .Select(a => a!["content"]!)
            .ToList();
        return new BotMessage((string?)node!["action"] ?? "", (string?)node["actionConversationId"] ?? "",
            (long?)message["timestamp"] ?? 0, (string?)message["text"], cards)
        {
            Id = message["messageId"]?.ToString(),
        };
    }
}
