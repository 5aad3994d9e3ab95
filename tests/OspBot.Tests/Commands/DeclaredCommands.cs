using Microsoft.Extensions.DependencyInjection;
using OspBot.Commands;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Reports;
using OspBot.Rounds;

namespace OspBot.Tests.Commands;

/// The command table as every feature declares it, without starting the bot: for checks on cards, whose every
/// button must be a verb some feature answers.
internal static class DeclaredCommands
{
    public static CommandTable Table { get; } = Build();

    public static bool Answers(string verb) => Table.Verb(verb) is not null;

    private static CommandTable Build()
    {
        var services = new ServiceCollection();
        services.AddBotCommands(RoundsFeature.Declare);
        services.AddBotCommands(MeetingCommands.Declare);
        services.AddBotCommands(ReportCommands.Declare);
        services.AddBotCommands(DirectoryCommands.Declare);
        // The status card and digest carry the escalations' flag buttons.
        services.AddBotCommands(OspBot.Escalations.EscalationsFeature.Declare);
        return services.BuildServiceProvider().GetRequiredService<CommandTable>();
    }
}
