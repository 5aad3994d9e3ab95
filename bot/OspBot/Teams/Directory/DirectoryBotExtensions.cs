namespace OspBot.Teams.DirectoryEditing;

public static class DirectoryBotExtensions
{
    /// <summary>
    /// The secretariat's directory card in Teams (`directory`): seats, new people, linking unmatched Teams users.
    /// DirectoryEditor itself comes from AddRounds.
    /// </summary>
    public static IHostApplicationBuilder AddDirectoryInTeams(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<DirectoryCardHandler>();
        return builder;
    }
}
