using System.Text.Json;
using OspBot.Cards.Common;
using OspBot.Cards.MeetingPack;

namespace OspBot.MeetingPack;

/// The requester's pack card: progress while the job builds it, then the version with their download link (and
/// the SharePoint copy), or the failure with "Build again".
internal sealed class MeetingPackCardRenderer(MeetingPackLinks links) : IMeetingPackCardRenderer
{
    public JsonElement Progress(string quarterLabel, string stage) => MeetingPackCards.Progress(quarterLabel, stage).ToJsonElement();

    public JsonElement Result(string quarterLabel, MeetingPackBuild build, MeetingPackVersion pack)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(pack);
        var personId = build.RequestedByPersonId ?? throw new InvalidOperationException("Only a build someone asked for has a card.");
        var link = links.Create(pack.Id, personId);
        return MeetingPackCards.Download($"Meeting pack for {quarterLabel} (version {pack.Version})",
            link.Url, CardFormat.DateTime(link.ExpiresAt), pack.SharePointUrl is { } url ? new Uri(url) : null, pack.PublishError, pack.CalendarError).ToJsonElement();
    }

    public JsonElement Failed(string quarterLabel, MeetingPackBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return MeetingPackCards.Failed(quarterLabel, build.Error).ToJsonElement();
    }
}
