using System.Diagnostics;
using System.Text;

namespace OspBot.Tests.EndToEnd;

/// A real child process whose output is kept for the test log, killed with its whole tree on dispose.
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private int? _exitCode;

    private ChildProcess(Process process) => _process = process;

    public string Name { get; private init; } = "";

    public int Id { get; private set; }

    public bool HasExited => _exitCode is not null || _process.HasExited;

    /// Null while it runs. Kept after dispose so the logs can still say how it ended.
    public int? ExitCode => _exitCode ?? (_process.HasExited ? _process.ExitCode : null);

    public static ChildProcess Start(
        string name, string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> env)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var child = new ChildProcess(new Process { StartInfo = info, EnableRaisingEvents = true }) { Name = name };
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child._process.Start();
        child.Id = child._process.Id;
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_exitCode is not null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
            _exitCode = _process.ExitCode;
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Never started or would not die: nothing more a test can do; the output says what happened.
            Append($"[{Name}: {e.Message}]");
        }
        finally
        {
            _exitCode ??= -1;
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
