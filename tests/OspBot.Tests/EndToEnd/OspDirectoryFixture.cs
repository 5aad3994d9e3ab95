using System.Text.Json;

namespace OspBot.Tests.EndToEnd;

/// The playground with a bot whose OSP directory knows the mock Teams people (bot/playground/.m365agentsplayground.yml)
/// by their Entra object ids. The current user, Hannah Whitfield, is both secretariat and lead of Stronger Communities,
/// because the UI can only act as her: she opens the round, gets the prompt, writes and submits the update, and
/// reads the status. The other five hold the remaining seats so the round has more than one sub-group.
public class OspDirectoryFixture : PlaygroundFixture
{
    public const string HannahAad = "3b9d6f1e-2a4c-4e8b-b7d0-1c5e9f3a6d20";
    public const string HannahGroup = "Stronger Communities";

    protected override IEnumerable<KeyValuePair<string, string?>> BotSettings()
    {
        var seed = Path.Combine(WorkDir, "directory.e2e.json");
        File.WriteAllText(seed, JsonSerializer.Serialize(Seed()));
        return
        [
            new("Directory__SeedFile", seed),
            // Download links on the result card must point at this bot, not the default port.
            new("DownloadLinks__PublicBaseUrl", BotUrl.ToString()),
        ];
    }

    // The shape of bot/OspBot.Core/Members/directory.sample.json.
    private static object Seed() => new
    {
        groups = new object[]
        {
            Group("steering-group", "OSP Steering Group", "SteeringGroup"),
            Group("economic-development", "Economic Development", "SubGroup"),
            Group("stronger-communities", HannahGroup, "SubGroup"),
            Group("zero-carbon-oxford-partnership", "Zero Carbon Oxford Partnership", "SubGroup", requiresChairApproval: true),
            Group("safer-communities", "Safer Communities", "SubGroup"),
        },
        people = new object[]
        {
            Person("Hannah Whitfield", HannahAad, "Policy and Partnerships Officer", secretariat: true,
                memberships: [("steering-group", "Member"), ("stronger-communities", "Lead")]),
            Person("Rajesh Patel", "7e1a4c8f-5b2d-4f6a-9c3e-2d7b0a8f4e21", "Regeneration & Economy Service",
                memberships: [("economic-development", "Lead")]),
            Person("Siobhan Gallagher", "9c2f7a1d-4e6b-4a8c-8d1f-3e5a7c9b0d22", "Community Safety Service Manager",
                memberships: [("safer-communities", "Lead")]),
            Person("Tomasz Nowak", "2d8b5e3f-6a1c-4b7d-a2e9-4f6c8a0b1e23", "Environmental Sustainability Lead",
                memberships: [("zero-carbon-oxford-partnership", "Lead")]),
            Person("Amara Okonkwo", "5f0c9a2e-8d3b-4c1f-b6a4-5a7d9c1e2f24", "Councillor",
                memberships: [("steering-group", "Member"), ("zero-carbon-oxford-partnership", "Chair")]),
            Person("Eleanor Hughes", "8a3e6c9b-1f4d-4e2a-9b8c-6c8f0e2a3b25", "Chief Executive", ospChair: true,
                memberships: [("steering-group", "Chair")]),
        },
    };

    private static object Group(string key, string name, string kind, bool requiresChairApproval = false) =>
        new { key, name, kind, requiresChairApproval };

    private static object Person(
        string name, string aad, string roleTitle, (string Group, string Role)[] memberships, bool secretariat = false, bool ospChair = false) => new
        {
            name,
            roleTitle,
            organisation = "Oxford City Council",
            entraObjectId = aad,
            isSecretariat = secretariat,
            isOspChair = ospChair,
            memberships = memberships.Select(m => new { group = m.Group, role = m.Role }).ToArray(),
        };
}
