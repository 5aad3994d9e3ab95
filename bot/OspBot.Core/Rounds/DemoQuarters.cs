using System.Text.Json;
using System.Text.Json.Serialization;

namespace OspBot.Rounds;

/// Settings of the playground's demo (configuration section "Demo"): off unless run.sh's --demo-data sets them.
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// A file of earlier quarters' updates (bot/playground/demo/previous-quarters.json) that the bot submits at start
    /// into closed past rounds; relative to the content root. Unset, as in production: nothing is seeded.
    public string? PreviousQuarters { get; set; }
}

/// One earlier update of the demo file: the sub-group, how many quarters before today's, and its four sections.
internal sealed record DemoQuarterUpdate(
    string Group, int QuartersAgo, Rag Rag, string Achievements, string Plans, string Challenges, string? Requests = null, string? Source = null)
{
    public UpdateContent Content => new()
    {
        Achievements = Achievements,
        Plans = Plans,
        Challenges = Challenges,
        Requests = Requests,
        Rag = Rag,
    };
}

/// The demo file as read; a file that cannot be read stops the start with a message naming the file and the fault.
internal sealed record DemoQuartersFile(IReadOnlyList<DemoQuarterUpdate> Updates)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static async Task<DemoQuartersFile> ReadAsync(string path, CancellationToken ct)
    {
        DemoQuartersFile? file;
        try
        {
            await using var stream = File.OpenRead(path);
            file = await JsonSerializer.DeserializeAsync<DemoQuartersFile>(stream, Json, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidDataException($"The demo file {path} (Demo:PreviousQuarters) cannot be read: {e.Message}", e);
        }
        var faults = file?.Updates is null ? ["it has no \"updates\" list"] : Faults(file.Updates);
        if (faults.Count > 0)
        {
            throw new InvalidDataException($"The demo file {path} (Demo:PreviousQuarters) cannot be used: {string.Join("; ", faults)}.");
        }
        return file!;
    }

    private static List<string> Faults(IReadOnlyList<DemoQuarterUpdate> updates) =>
    [
        .. updates.Where(u => u.QuartersAgo is < 1 or > 8)
            .Select(u => $"{u.Group}: quartersAgo is {u.QuartersAgo}, it must be 1 to 8 (an earlier quarter)"),
        .. updates.GroupBy(u => (u.Group, u.QuartersAgo)).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Group}: two updates {g.Key.QuartersAgo} quarters ago"),
    ];
}
