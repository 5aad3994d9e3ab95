using OspBot.Commands;

namespace OspBot.Members;

public static class MembersFeature
{
    /// <summary>
    /// The OSP directory in Teams: who callers are and every role they hold (for the command table's role checks), the
    /// secretariat's `directory` card (seats, new people, linking unmatched Teams users) and its edits.
    /// </summary>
    public static IHostApplicationBuilder AddMembers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<DirectoryEditor>();
        builder.Services.AddScoped<ICallerDirectory, CallerDirectory>();
        builder.Services.AddBotCommands(DirectoryCommands.Declare);
        return builder;
    }
}
