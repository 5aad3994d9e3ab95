using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OspBot.Teams.Schema;

namespace OspBot.Teams.Hosting;

/// Reads one activity from a request body: bounded in size and time, and every way a body can be wrong
/// turns into a status and a sentence, never an exception (spec 1.1: 400 for no body or no type).
internal static class ActivityReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<ActivityReadResult> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The activity is larger than 1 MB.");
        }

        if (!IsJson(request.ContentType))
        {
            return ActivityReadResult.Fail(StatusCodes.Status415UnsupportedMediaType, "Send the activity as application/json.");
        }

        // Kestrel's minimum data rate stops a body that trickles below it; this deadline stops one that keeps
        // just above it, or a chunked body that never ends, so no request waits long for its activity. It
        // cancels the pending read rather than the read's token: a read cancelled by token leaves Kestrel's
        // body reader in a state it cannot drain afterwards.
        var limits = request.HttpContext.RequestServices.GetService<IOptions<MessagesEndpointOptions>>()?.Value ?? new();
        var reader = request.BodyReader;
        using var deadline = new CancellationTokenSource(limits.BodyTimeout);
        using var stop = deadline.Token.Register(reader.CancelPendingRead);
        try
        {
            return await ReadBodyAsync(reader, ct) ?? ActivityReadResult.Fail(StatusCodes.Status408RequestTimeout,
                $"The activity did not arrive within {limits.BodyTimeout.TotalSeconds:0.#} s.");
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits: a body that trickles in too slowly, is too large, or a broken chunked encoding.
            return ActivityReadResult.Fail(ex.StatusCode, $"The request body could not be read: {ex.Message}");
        }
    }

    /// Null when the deadline cancelled the read.
    private static async Task<ActivityReadResult?> ReadBodyAsync(PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            if (read.Buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The activity is larger than 1 MB.");
            }

            if (read.IsCanceled)
            {
                reader.AdvanceTo(read.Buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                try
                {
                    return Parse(read.Buffer);
                }
                finally
                {
                    reader.AdvanceTo(read.Buffer.End);
                }
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static ActivityReadResult Parse(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The request has no body; send one activity as JSON.");
        }

        // Strings the model does not know (extension data, unknown property names) are kept as raw bytes and
        // never decoded, so invalid UTF-8 there would pass unnoticed and travel on: refuse the body as a whole.
        if (!IsUtf8(body))
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The body is not valid UTF-8.");
        }

        Activity? activity;
        try
        {
            var json = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            activity = JsonSerializer.Deserialize(ref json, TeamsJson.Default.Activity);
            if (json.Read())
            {
                return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The body holds more than one JSON value; send one activity.");
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or DecoderFallbackException)
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, $"The body is not a valid activity: {ex.Message}");
        }

        if (activity is null)
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The body is JSON null; send one activity object.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The activity has no type.");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The activity has no absolute http(s) serviceUrl.");
        }

        return activity.Conversation?.Id is { Length: > 0 }
            ? new ActivityReadResult(activity, StatusCodes.Status200OK, null)
            : ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The activity has no conversation id.");
    }

    private static bool IsUtf8(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return System.Text.Unicode.Utf8.IsValid(body.FirstSpan);
        }

        var bytes = ArrayPool<byte>.Shared.Rent((int)body.Length);
        try
        {
            body.CopyTo(bytes);
            return System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, (int)body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// application/json exactly (not application/jsonp or …+json), in UTF-8 if a charset is named (RFC 8259).
    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}

internal sealed record ActivityReadResult(Activity? Activity, int Status, string? Error)
{
    public static ActivityReadResult Fail(int status, string error) => new(null, status, error);
}
