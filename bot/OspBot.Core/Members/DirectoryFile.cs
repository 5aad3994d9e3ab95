using System.Text.Json;
using System.Text.Json.Serialization;

namespace OspBot.Members;

/// The shape of a directory seed file (see directory.sample.json).
internal sealed record DirectoryFile
{
    public required IReadOnlyList<DirectoryFileGroup> Groups { get; init; }

    public required IReadOnlyList<DirectoryFilePerson> People { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<DirectoryFile> ReadAsync(Stream json, CancellationToken ct) =>
        await JsonSerializer.DeserializeAsync<DirectoryFile>(json, Json, ct)
        ?? throw new InvalidDataException("The directory seed file is empty.");
}

internal sealed record DirectoryFileGroup(string Key, string Name, GroupKind Kind, bool RequiresChairApproval);

internal sealed record DirectoryFilePerson
{
    public required string Name { get; init; }

    public string? Organisation { get; init; }

    public string? RoleTitle { get; init; }

    public string? Email { get; init; }

    public string? EntraObjectId { get; init; }

    public bool IsSecretariat { get; init; }

    public bool IsOspChair { get; init; }

    public bool IsVacant { get; init; }

    public IReadOnlyList<DirectoryFileMembership> Memberships { get; init; } = [];
}

internal sealed record DirectoryFileMembership(string Group, MembershipRole Role);
