namespace OspBot.Members;

/// <summary>The member directory (configuration section "Directory").</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>
    /// JSON file loaded into an empty directory on first start; relative to the content root. Unset: the
    /// built-in sample (Members/directory.sample.json), which describes the OSP's structure in June 2024.
    /// </summary>
    public string? SeedFile { get; set; }
}
