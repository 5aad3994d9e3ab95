using OspBot.Cards.Common;
using OspBot.Cards.MeetingPack;
using OspBot.Cards.Model;
using OspBot.Commands;
using OspBot.Escalations;
using OspBot.Hosting;
using OspBot.Jobs.MeetingPack;
using OspBot.Members;
using OspBot.Requests;
using OspBot.Rounds;

namespace OspBot.MeetingPack;

public static class MeetingPackFeature
{
    /// <summary>
    /// The steering group's meeting pack: `meeting pack` builds a .docx for the meeting the newest round feeds
    /// (agenda, one-page summary, each sub-group's update, the requests register), keeps every version, and answers
    /// with an expiring download link (MapMeetingPack).
    /// </summary>
    public static IHostApplicationBuilder AddMeetingPack(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSignedLinks();
        builder.Services.AddRequestServices();
        builder.Services.AddEscalationServices();
        builder.Services.AddMeetingPackServices();
        builder.AddMeetingPackJobs();
        builder.Services.AddBotCommands(Declare);
        return builder;
    }

    internal static void Declare(CommandTableBuilder table) => table
        // Not in the Teams menu: its ten places are taken; `help` lists it.
        .Text<MeetingPackCommands>("meeting pack", "Build the steering group's meeting pack from the newest round", Roles.Secretariat,
            c => c.BuildAsync, aliases: ["pack"], inMenu: false);
}

/// `meeting pack`: builds a new version and answers with the caller's download link.
internal sealed class MeetingPackCommands(MeetingPackBuilder builder, MeetingPackLinks links)
{
    public async Task<BotReply> BuildAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BotReply.With(await builder.BuildAsync(request.Caller.ToActor(), ct) switch
        {
            Lookup<BuiltPack>.Found { Value: var pack } when request.Caller.PersonId is { } personId => Linked(pack, links.Create(pack.PackId, personId)),
            Lookup<BuiltPack>.Found => MessageCards.NotMatched(),
            Lookup<BuiltPack>.Refused r => MessageCards.Message("Sorry", r.Refusal.Message),
            _ => throw new InvalidOperationException("Unknown lookup."),
        });
    }

    private static AdaptiveCard Linked(BuiltPack pack, Reports.DownloadLink link) => MeetingPackCards.Download(
        $"Meeting pack for {pack.QuarterLabel} (version {pack.Version})", link.Url, CardFormat.DateTime(link.ExpiresAt), pack.SharePointUrl, pack.PublishError);
}
