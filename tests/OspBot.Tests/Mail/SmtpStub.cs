using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OspBot.Tests.Mail;

/// A loopback SMTP server speaking just enough of RFC 5321 for MailKit without TLS (EHLO, MAIL, RCPT, DATA, RSET,
/// NOOP, QUIT), one connection at a time; it keeps each message's envelope and data. RcptReply answers RCPT TO, so a
/// test can make the relay refuse (550) or defer (451).
internal sealed class SmtpStub : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private SmtpStub()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string RcptReply { get; set; } = "250 2.1.5 OK";

    public List<(string From, List<string> To, string Data)> Received { get; } = [];

    public static SmtpStub Start() => new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await ConverseAsync(client.GetStream());
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // Stopped, or the client went away mid-conversation: wait for the next one.
            }
        }
    }

    private async Task ConverseAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 stub.local ESMTP");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 stub.local");
                    break;
                case "MAIL":
                    (from, to) = (line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), []);
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                    await writer.WriteLineAsync(RcptReply);
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }
                    lock (Received)
                    {
                        Received.Add((from, to, data.ToString()));
                    }
                    await writer.WriteLineAsync("250 2.0.0 Ok: queued as STUB1");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked.
        }
        _stop.Dispose();
    }
}
