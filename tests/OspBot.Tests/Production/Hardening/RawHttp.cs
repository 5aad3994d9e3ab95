using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OspBot.Tests.Production.Hardening;

/// One request written byte by byte to a real socket: what HttpClient will not send (garbage methods, duplicate
/// or huge headers, broken chunking) and bodies that trickle or never end.
/// <param name="Body">Writes the body after the head; it may wait, and is cancelled once the answer is in.</param>
internal sealed record RawRequest(byte[] Head, Func<Stream, CancellationToken, Task>? Body = null)
{
    public static RawRequest Post(string path, IEnumerable<(string Name, string Value)> headers, byte[] body) =>
        new(HeadOf("POST", path, [.. headers, ("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
            (s, ct) => s.WriteAsync(body, ct).AsTask());

    public static byte[] HeadOf(string method, string path, IEnumerable<(string Name, string Value)> headers, string version = "HTTP/1.1")
    {
        var text = new StringBuilder($"{method} {path} {version}\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }
}

internal static class RawHttp
{
    /// The status code of the answer, or null when the server closed the connection without one.
    public static async Task<int?> SendAsync(int port, RawRequest request, TimeSpan patience, CancellationToken ct)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(IPAddress.Loopback, port, ct);
        var stream = tcp.GetStream();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(patience);
        var writer = WriteAsync(stream, request, stop.Token);
        try
        {
            return await ReadStatusAsync(stream, stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
    }

    private static async Task WriteAsync(Stream stream, RawRequest request, CancellationToken ct)
    {
        try
        {
            await stream.WriteAsync(request.Head, ct);
            if (request.Body is { } body)
            {
                await body(stream, ct);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The server answered (and closed) before the body was all sent: that is often the point.
        }
    }

    private static async Task<int?> ReadStatusAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[4096];
        var line = new StringBuilder();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, ct);
                if (read == 0)
                {
                    return null;
                }

                line.Append(Encoding.Latin1.GetString(buffer, 0, read));
                var text = line.ToString();
                if (text.IndexOf("\r\n", StringComparison.Ordinal) is var end and > 0)
                {
                    var parts = text[..end].Split(' ');
                    return parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : null;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
