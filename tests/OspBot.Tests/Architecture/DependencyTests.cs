using System.Reflection;
using OspBot.Jobs;
using Quartz;

namespace OspBot.Tests.Architecture;

/// The shape of the code: no folder uses another that uses it back, features depend on each other in one direction
/// only, and each project references only what it may.
public sealed class DependencyTests
{
    [Fact]
    public void No_two_folders_use_each_other()
    {
        var graph = FeatureGraph.Folders();

        Assert.True(graph.Cycles().Count == 0, "Cycles between folders:\n" + string.Join("\n", graph.Cycles().Select(graph.Explain)));
    }

    [Fact]
    public void No_two_features_use_each_other_whichever_project_their_code_is_in()
    {
        var graph = FeatureGraph.FeaturesMerged();

        Assert.True(graph.Cycles().Count == 0, "Cycles between features:\n" + string.Join("\n", graph.Cycles().Select(graph.Explain)));
    }

    [Fact]
    public void Features_use_each_other_only_in_the_agreed_direction()
    {
        // Rounds read meeting dates and answer meetings' IMeetingRounds; Reports read the rounds' submitted updates
        // and the steering group's meetings of the year (the report lists their dates and topics);
        // Rounds and Meetings queue into the Outbox; everyone reads the directory (Members).
        (string, string)[] allowed =
        [
            ("Rounds", "Outbox"), ("Rounds", "Members"), ("Rounds", "Meetings"),
            ("Meetings", "Outbox"), ("Meetings", "Members"),
            ("Reports", "Rounds"), ("Reports", "Meetings"), ("Reports", "Members"),
            ("Outbox", "Members"),
            // Each sub-group's part of the annual report goes to its chair, and is chased, through the outbox.
            ("Reports", "Outbox"),
            // Mail writes the rounds' and meetings' deliveries as e-mails (their views) and is the outbox's second channel.
            ("Mail", "Outbox"), ("Mail", "Members"), ("Mail", "Rounds"), ("Mail", "Meetings"),
            // The update form is the rounds' editor behind an e-mail's link: Mail's links, transport and protections.
            ("UpdateForm", "Rounds"), ("UpdateForm", "Members"), ("UpdateForm", "Mail"), ("UpdateForm", "Outbox"),
            // Requests take in the rounds' submitted updates, split section 4 as the report reads a section (SourceLines)
            // and sign links as the report does, table a request for a steering group meeting, and send owners' cards.
            ("Requests", "Rounds"), ("Requests", "Reports"), ("Requests", "Meetings"), ("Requests", "Outbox"), ("Requests", "Members"),
            // Escalations read the rounds' submitted updates, match blocks with the report's near-duplicate rule, split a
            // section as the register does (and share its card input reading and agenda meeting), and table a flag for a meeting;
            // they answer the rounds' IStatusFlags and the status card's flag buttons with that status card.
            ("Escalations", "Rounds"), ("Escalations", "Reports"), ("Escalations", "Requests"), ("Escalations", "Meetings"), ("Escalations", "Members"),
            // The meeting pack reads a round's updates, its meeting, the register and the flags, and writes with the report's Word writer and links.
            ("MeetingPack", "Rounds"), ("MeetingPack", "Meetings"), ("MeetingPack", "Requests"), ("MeetingPack", "Escalations"), ("MeetingPack", "Reports"), ("MeetingPack", "Members"),
        ];
        var graph = FeatureGraph.FeaturesMerged();
        var between = graph.Edges
            .Where(e => FeatureGraph.Features.Contains(e.Key))
            .SelectMany(e => e.Value.Where(FeatureGraph.Features.Contains).Select(to => (e.Key, to)))
            .ToList();

        Assert.All(between, edge => Assert.True(allowed.Contains(edge), $"{edge.Key} -> {edge.to}: {graph.Examples[edge]}"));
    }

    [Fact]
    public void The_graph_sees_uses_in_method_bodies_and_across_projects()
    {
        var folders = FeatureGraph.Folders().Edges;
        var features = FeatureGraph.FeaturesMerged().Edges;

        // RoundDeliveryPlanner queues through DeliveryQueue (a body); the bot's rounds draw the Cards' round cards.
        Assert.Contains("OspBot.Core:OspBot.Outbox", folders["OspBot.Core:OspBot.Rounds"]);
        Assert.Contains("OspBot.Cards:OspBot.Cards.Rounds", folders["OspBot:OspBot.Rounds"]);
        Assert.Contains("Outbox", features["Rounds"]);
        Assert.Contains("Rounds", features["Reports"]);
        Assert.Contains("OspBot:OspBot.Commands", features["Members"]);
    }

    [Fact]
    public void Jobs_reference_Core_and_Quartz_only_and_hold_jobs_only()
    {
        var jobs = typeof(JobsOptions).Assembly;
        var ours = jobs.GetReferencedAssemblies().Select(a => a.Name).Where(n => n!.StartsWith("OspBot", StringComparison.Ordinal));

        Assert.Equal(["OspBot.Core"], ours);
        // A job, its Quartz wiring (static registration, options, the cron check), or the Quartz side of a Core seam.
        Assert.All(jobs.GetTypes().Where(t => t.DeclaringType is null && !t.Name.StartsWith('<')), t => Assert.True(
            typeof(IJob).IsAssignableFrom(t) || (t.IsAbstract && t.IsSealed) || t.Name.EndsWith("Options", StringComparison.Ordinal)
            || typeof(Attribute).IsAssignableFrom(t) || t.GetInterfaces().Any(i => i.Assembly.GetName().Name == "OspBot.Core"),
            $"{t.FullName} is not a job"));
    }

    [Fact]
    public void Core_and_Cards_reference_nothing_of_ours_and_Core_nothing_of_the_bot_protocol()
    {
        Assert.Empty(Ours(typeof(OspBot.Data.OspDbContext).Assembly));
        Assert.Empty(Ours(typeof(OspBot.Cards.Model.AdaptiveCard).Assembly));
        Assert.DoesNotContain(FeatureGraph.Assemblies.SelectMany(a => a.GetTypes()),
            t => t.Assembly != typeof(Program).Assembly && t.Namespace?.StartsWith("OspBot.Teams", StringComparison.Ordinal) == true);
    }

    private static IEnumerable<string?> Ours(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name).Where(n => n!.StartsWith("OspBot", StringComparison.Ordinal));
}
