namespace OspBot.Tests.EndToEnd;

/// All end-to-end classes share one collection so they run one after another: each starts its own bot,
/// playground and possibly Chromium, and two such sets at once would starve a 2-core machine.
[CollectionDefinition(Name)]
public sealed class EndToEndGroup
{
    public const string Name = "EndToEnd";
}

/// Base of the end-to-end tests on the plain fixture (the bot knows nobody in the mock Teams data).
public abstract class EndToEndTest(PlaygroundFixture playground) : EndToEndTest<PlaygroundFixture>(playground);

/// Base of the end-to-end tests: skips when the tools are missing, and on failure writes the bot's and the
/// playground's logs into the test output. <typeparamref name="TFixture"/> configures the bot (e.g. a directory seed).
[Collection(EndToEndGroup.Name)]
public abstract class EndToEndTest<TFixture>(TFixture playground) : IClassFixture<TFixture>, IAsyncDisposable
    where TFixture : PlaygroundFixture
{
    protected static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    /// Headings of OspBot's cards (cards/OspBot.Cards) as a person reads them.
    protected const string WelcomeHeading = "Welcome to OspBot";
    protected const string HelpHeading = "What OspBot can do for you";

    protected TFixture Playground { get; } = playground;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    /// Call first: Chromium as well when <paramref name="browser"/>.
    protected void SkipIfUnavailable(bool browser = false)
    {
        var missing = browser ? E2EPrerequisites.MissingForBrowser() : Playground.Missing;
        if (missing is not null)
        {
            Assert.Skip(missing);
        }
    }

    public virtual ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed && Playground.Missing is null)
        {
            Log(Playground.Logs());
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
