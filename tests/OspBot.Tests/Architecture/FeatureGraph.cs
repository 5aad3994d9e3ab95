using System.Reflection;

namespace OspBot.Tests.Architecture;

/// Which folder of OspBot's code uses which, read from the compiled assemblies. A folder is a namespace within one
/// project (bot/OspBot/Rounds is OspBot.Rounds in OspBot, bot/OspBot.Core/Rounds is OspBot.Rounds in OspBot.Core);
/// the Teams protocol layer is one folder.
/// A feature is the same folder name across the projects: OspBot.Rounds, OspBot.Cards.Rounds, OspBot.Jobs.Rounds.
internal sealed class FeatureGraph
{
    public static readonly string[] Features = ["Members", "Outbox", "Rounds", "Meetings", "Reports", "Mail", "UpdateForm", "Requests", "Escalations", "MeetingPack"];

    public static readonly Assembly[] Assemblies =
    [
        typeof(Program).Assembly,
        typeof(OspBot.Data.OspDbContext).Assembly,
        typeof(OspBot.Cards.Model.AdaptiveCard).Assembly,
        typeof(OspBot.Jobs.JobsOptions).Assembly,
    ];

    private FeatureGraph(IReadOnlyDictionary<string, HashSet<string>> edges, IReadOnlyDictionary<(string From, string To), string> examples)
    {
        Edges = edges;
        Examples = examples;
    }

    /// Folder → the folders it uses (folders named "Project:Namespace").
    public IReadOnlyDictionary<string, HashSet<string>> Edges { get; }

    /// One type-to-type use behind each edge, to say where a forbidden one comes from.
    public IReadOnlyDictionary<(string From, string To), string> Examples { get; }

    public static FeatureGraph Folders() => Build(Folder);

    /// The same graph with each feature's folders in every project taken as one node ("Rounds").
    public static FeatureGraph FeaturesMerged() => Build(t => Feature(t) ?? Folder(t));

    /// The feature a type belongs to, or null for shared code (Common, Data, Graph, Commands, Teams...).
    public static string? Feature(Type type)
    {
        var parts = (type.Namespace ?? "").Split('.');
        var name = parts.Length > 1 && parts[1] is "Cards" or "Jobs" ? parts.ElementAtOrDefault(2) : parts.ElementAtOrDefault(1);
        return name is not null && Features.Contains(name) ? name : null;
    }

    /// The Bot Framework protocol layer (Teams and its sub-folders: authentication, connector, hosting, schema) counts as
    /// one folder: its parts are one protocol and use each other freely.
    private static string Folder(Type type) =>
        $"{type.Assembly.GetName().Name}:{(type.Namespace!.StartsWith("OspBot.Teams", StringComparison.Ordinal) ? "OspBot.Teams" : type.Namespace)}";

    private static FeatureGraph Build(Func<Type, string> node)
    {
        var ours = Assemblies.ToHashSet();
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var examples = new Dictionary<(string, string), string>();
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()).Where(t => IsCounted(TypeReferences.Outermost(t))))
        {
            var from = node(TypeReferences.Outermost(type));
            foreach (var used in TypeReferences.Of(type).Where(u => ours.Contains(u.Assembly)).Select(TypeReferences.Outermost).Where(HasNamespace))
            {
                var to = node(used);
                if (to != from && (edges.TryGetValue(from, out var set) ? set : edges[from] = []).Add(to))
                {
                    examples[(from, to)] = $"{TypeReferences.Outermost(type).FullName} uses {used.FullName}";
                }
            }
        }
        return new FeatureGraph(edges, examples);
    }

    /// What the graph leaves out as a user of others: the composition root (Program), the one DbContext with its
    /// migrations (it names every feature's entities, by design), and the project-wide Log class (one per project,
    /// whose messages name feature types).
    private static bool IsCounted(Type type) =>
        HasNamespace(type) && type.Namespace is not "OspBot" && !type.Namespace!.StartsWith("OspBot.Data", StringComparison.Ordinal);

    private static bool HasNamespace(Type type) => type.Namespace?.StartsWith("OspBot", StringComparison.Ordinal) == true;

    /// Every cycle's nodes, one per strongly connected component of more than one node (Tarjan).
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var node in Edges.Keys.Where(n => !index.ContainsKey(n)).ToList())
        {
            Visit(node);
        }
        return cycles;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Edges.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add(component);
                }
            }
        }
    }

    /// The edges inside one cycle, each with a use that makes it.
    public string Explain(IReadOnlyList<string> cycle) =>
        string.Join("\n", cycle.SelectMany(from => (Edges.GetValueOrDefault(from) ?? []).Where(cycle.Contains)
            .Select(to => $"  {from} -> {to}: {Examples[(from, to)]}")));
}
