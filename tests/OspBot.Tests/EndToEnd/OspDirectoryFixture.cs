namespace OspBot.Tests.EndToEnd;

/// The playground with the bot configured as bot/playground/run.sh configures it: its demo directory
/// (bot/playground/demo/directory.json, the very file run.sh uses, not a test copy), in which the mock Teams people
/// hold real seats. The current user, Hannah Whitfield, is both secretariat and lead of Stronger Communities, because
/// the UI can only act as her: she opens the round, gets the prompt, writes and submits the update, and reads the status.
public class OspDirectoryFixture : PlaygroundFixture
{
    public const string HannahGroup = "Stronger Communities";

    /// What run.sh passes as Directory__SeedFile.
    public static string DemoDirectoryFile => Path.Combine(E2EPrerequisites.PlaygroundDir, "demo", "directory.json");

    protected override IEnumerable<KeyValuePair<string, string?>> BotSettings() =>
    [
        new("Directory__SeedFile", DemoDirectoryFile),
        // Download links on the result card must point at this bot, not the default port.
        new("DownloadLinks__PublicBaseUrl", BotUrl.ToString()),
    ];
}
