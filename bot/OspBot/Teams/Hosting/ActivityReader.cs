using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
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

        try
        {
            return await ReadBodyAsync(request.BodyReader, ct);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits: a body that trickles in too slowly, or a broken chunked encoding.
            return ActivityReadResult.Fail(ex.StatusCode, $"The request body could not be read: {ex.Message}");
        }
    }

    private static async Task<ActivityReadResult> ReadBodyAsync(PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            if (read.Buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The activity is larger than 1 MB.");
            }

            if (read.IsCompleted || read.IsCanceled)
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

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.AsSpan().TrimStart().StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
}

internal sealed record ActivityReadResult(Activity? Activity, int Status, string? Error)
{
    public static ActivityReadResult Fail(int status, string error) => new(null, status, error);
}
