namespace OspBot.Tests.EndToEnd;

/// The bot as `bot/playground/run.sh --demo-data` starts it: the demo directory plus Stronger Communities' updates of
/// the two previous quarters (seeds 002 and 000), submitted at start from bot/playground/demo/previous-quarters.json,
/// the very file run.sh passes as Demo__PreviousQuarters.
public sealed class DemoDataFixture : OspDirectoryFixture
{
    public static string PreviousQuartersFile => Path.Combine(E2EPrerequisites.PlaygroundDir, "demo", "previous-quarters.json");

    protected override IEnumerable<KeyValuePair<string, string?>> BotSettings() =>
        [.. base.BotSettings(), new("Demo__PreviousQuarters", PreviousQuartersFile)];
}
