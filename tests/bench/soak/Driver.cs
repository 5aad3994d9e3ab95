using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OspBot.Bench.Soak;

/// Mixed traffic through "one endpoint": requests alternate between the instances as a round-robin load
/// balancer would. Remembers every activity that must be answered exactly once.
internal sealed class Driver(HttpClient http, IReadOnlyList<BotInstance> bots, FakeConnector connector, int leads)
{
    private readonly ConcurrentDictionary<string, string> _expectReply = new(StringComparer.Ordinal);
    private int _next;
    private int _requests;
    private int _errors;

    public int Requests => Volatile.Read(ref _requests);

    public int Errors => Volatile.Read(ref _errors);

    public ConcurrentQueue<string> ErrorSamples { get; } = new();

    /// Activities (installs and messages) that must each get exactly one reply.
    public IReadOnlyDictionary<string, string> ExpectedReplies => _expectReply;

    private int _invokes;

    public int Invokes => Volatile.Read(ref _invokes);

    public async Task InstallAllAsync(CancellationToken ct)
    {
        var users = Enumerable.Range(0, Teams.SecretariatSize).Select(Teams.SecretariatMember).Concat(Enumerable.Range(0, leads).Select(Teams.Lead));
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (user, token) => await SendAsync(Teams.Install(connector.ServiceUrl, user), token));
    }

    /// The secretariat opens this quarter's round with prompts due now: one prompt per lead.
    public async Task OpenRoundAsync(DateOnly today, CancellationToken ct)
    {
        var quarter = today.Month switch { >= 4 and <= 6 => 1, >= 7 and <= 9 => 2, >= 10 => 3, _ => 4 };
        var year = today.Month >= 4 ? today.Year : today.Year - 1;
        var data = new JsonObject
        {
            ["quarter"] = $"{year}-Q{quarter}",
            ["meetingDate"] = today.AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["promptDate"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        await SendAsync(Teams.Execute(connector.ServiceUrl, Teams.Secretariat, "round.open", data), ct);
    }

    public Task CompileReportAsync(int fromYear, CancellationToken ct) =>
        SendAsync(Teams.Message(connector.ServiceUrl, Teams.Secretariat, $"compile report {fromYear}/{(fromYear + 1) % 100:00}"), ct);

    /// One step of the mix: messages from leads and the secretariat, and card actions on the leads' prompts.
    public async Task StepAsync(Random random, CancellationToken ct)
    {
        var lead = Teams.Lead(random.Next(leads));
        var roll = random.Next(100);
        if (roll < 35)
        {
            await SendAsync(Teams.Message(connector.ServiceUrl, lead, "help"), ct);
        }
        else if (roll < 50)
        {
            await SendAsync(Teams.Message(connector.ServiceUrl, lead, "my update"), ct);
        }
        else if (roll < 60)
        {
            await SendAsync(Teams.Message(connector.ServiceUrl, Teams.SecretariatMember(random.Next(Teams.SecretariatSize)), "status"), ct);
        }
        else if (connector.Cards.TryGetValue(Teams.Conversation(lead), out var prompt)
            && Teams.ActionData(prompt, roll < 85 ? "update.saveDraft" : "update.submit") is { } data)
        {
            data["achievements"] = $"Step {random.Next()}: opened a community hub";
            data["plans"] = "More hubs";
            data["challenges"] = "Funding";
            data["requests"] = "None";
            data["rag"] = "green";
            await SendAsync(Teams.Execute(connector.ServiceUrl, lead, roll < 85 ? "update.saveDraft" : "update.submit", data), ct);
        }
        else
        {
            await SendAsync(Teams.Message(connector.ServiceUrl, lead, "help"), ct);
        }
    }

    private async Task SendAsync(JsonObject activity, CancellationToken ct)
    {
        var bot = bots[Interlocked.Increment(ref _next) % bots.Count];
        var type = activity["type"]!.GetValue<string>();
        Interlocked.Increment(ref _requests);
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(bot.Url, "/api/messages"), activity, ct);
            if (!response.IsSuccessStatusCode)
            {
                Fail($"{bot.Name} {type}: HTTP {(int)response.StatusCode}");
                return;
            }

            if (type == "invoke")
            {
                Interlocked.Increment(ref _invokes);
            }
            else
            {
                _expectReply[activity["id"]!.GetValue<string>()] = $"{type} '{activity["text"]}' to {bot.Name}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Fail($"{bot.Name} {type}: {e.GetType().Name} {e.Message}");
        }
    }

    private void Fail(string what)
    {
        Interlocked.Increment(ref _errors);
        if (ErrorSamples.Count < 20)
        {
            ErrorSamples.Enqueue(what);
        }
    }
}
