// Builds the Teams app package (manifest.json with the real ids + both icons, at the zip root).
//   dotnet run manifest/build-package.cs -- --app-id <guid> --domain <host> [--bot-id <guid>] [--version <x.y.z>] [--out <zip>]
// --bot-id defaults to --app-id (the usual single Entra app registration); --out defaults to manifest/build/ospbot.zip.
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

var dir = ScriptDirectory();
string[] files = ["manifest.json", "color.png", "outline.png"];
try
{
    var options = Options.Parse(args);
    var manifest = Options.Fill(File.ReadAllText(Path.Combine(dir, files[0])), options);
    var output = Path.GetFullPath(options.Out ?? Path.Combine(dir, "build", "ospbot.zip"));
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    File.Delete(output);
    using (var zip = ZipFile.Open(output, ZipArchiveMode.Create))
    {
        using (var writer = new StreamWriter(zip.CreateEntry(files[0]).Open()))
        {
            writer.Write(manifest);
        }

        foreach (var icon in files[1..])
        {
            zip.CreateEntryFromFile(Path.Combine(dir, icon), icon);
        }
    }

    Console.WriteLine($"Wrote {output} (app {options.AppId}, bot {options.BotId}, domain {options.Domain})");
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"build-package: {e.Message}");
    Console.Error.WriteLine("usage: dotnet run manifest/build-package.cs -- --app-id <guid> --domain <host> [--bot-id <guid>] [--version <x.y.z>] [--out <zip>]");
    return 2;
}

static string ScriptDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

internal sealed record Options(string AppId, string BotId, string Domain, string? Version, string? Out)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["app-id", "bot-id", "domain", "version", "out"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown option --{unknown[0]}");
        }

        var appId = Guid(values.GetValueOrDefault("app-id"), "--app-id");
        var botId = values.TryGetValue("bot-id", out var bot) ? Guid(bot, "--bot-id") : appId;
        var version = values.GetValueOrDefault("version");
        if (version is not null && !Regex.IsMatch(version, @"^\d+\.\d+\.\d+$"))
        {
            throw new ArgumentException($"--version must look like 1.2.3, got '{version}'");
        }

        return new Options(appId, botId, Host(values.GetValueOrDefault("domain")), version, values.GetValueOrDefault("out"));
    }

    /// Replaces the template's placeholders; every one must be filled.
    public static string Fill(string template, Options options)
    {
        var filled = template
            .Replace("${{TEAMS_APP_ID}}", options.AppId, StringComparison.Ordinal)
            .Replace("${{BOT_ID}}", options.BotId, StringComparison.Ordinal)
            .Replace("${{BOT_DOMAIN}}", options.Domain, StringComparison.Ordinal);
        if (options.Version is not null)
        {
            filled = Regex.Replace(filled, @"(""version""\s*:\s*"")[^""]*("")", m => m.Groups[1].Value + options.Version + m.Groups[2].Value, RegexOptions.None, TimeSpan.FromSeconds(1));
        }

        var left = Regex.Match(filled, @"\$\{\{\w+\}\}");
        return left.Success ? throw new ArgumentException($"manifest.json has an unknown placeholder {left.Value}") : filled;
    }

    private static string Guid(string? value, string name) =>
        System.Guid.TryParseExact(value, "D", out var guid)
            ? guid.ToString("D")
            : throw new ArgumentException($"{name} must be a GUID like 00000000-0000-0000-0000-000000000000, got '{value}'");

    // validDomains takes a bare host name: no scheme, port or path.
    private static string Host(string? value) =>
        value is not null && Uri.CheckHostName(value) is UriHostNameType.Dns && value.Contains('.', StringComparison.Ordinal)
            ? value.ToLowerInvariant()
            : throw new ArgumentException($"--domain must be a host name such as ospbot.example.org (no https://, port or path), got '{value}'");
}
