using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;

namespace OspBot.DesignTime;

internal sealed record Provider(string Name, string SubNamespace, Func<OspDbContext> CreateContext, IDesignTimeServices DesignTimeServices);

/// What `dotnet ef migrations add` does, for each provider's derived context: the design-time services of EF and
/// of the provider, over a context that is never connected (scaffolding compares models, not databases).
internal static class Scaffolder
{
    // EF1001: the providers' design-time service classes are "internal" API by EF's convention; they are exactly
    // what dotnet-ef itself loads, and this tool exists only because that tool is not available here.
#pragma warning disable EF1001
    public static readonly Provider[] Providers =
    [
        new("Sqlite", "Data.Migrations.Sqlite",
            () => new SqliteOspDbContext(new DbContextOptionsBuilder<SqliteOspDbContext>().UseSqlite("Data Source=design-time.db").Options),
            new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices()),
        new("Postgres", "Data.Migrations.Postgres",
            () => new PostgresOspDbContext(new DbContextOptionsBuilder<PostgresOspDbContext>().UseNpgsql("Host=design-time").Options),
            new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices()),
    ];
#pragma warning restore EF1001

    public static MigrationFiles AddMigration(Provider provider, string name, string coreProjectDir)
    {
        using var context = provider.CreateContext();
        var services = new ServiceCollection()
            .AddEntityFrameworkDesignTimeServices()
            .AddDbContextDesignTimeServices(context);
        provider.DesignTimeServices.ConfigureDesignTimeServices(services);
        using var sp = services.BuildServiceProvider();

        var scaffolder = sp.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, rootNamespace: "OspBot", subNamespace: provider.SubNamespace, language: "C#");
        var outputDir = Path.Combine(coreProjectDir, provider.SubNamespace.Replace('.', Path.DirectorySeparatorChar));
        var files = scaffolder.Save(coreProjectDir, migration, outputDir);
        foreach (var file in new[] { files.MigrationFile, files.MetadataFile, files.SnapshotFile }.OfType<string>())
        {
            // EF writes a byte-order mark; the repository's .editorconfig says charset = utf-8 (none).
            File.WriteAllText(file, File.ReadAllText(file), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        return files;
    }

    /// The Core project folder, found upwards from where the tool is run (the repository or any folder inside it).
    public static string FindCoreProject(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var core = Path.Combine(dir.FullName, "bot", "OspBot.Core");
            if (File.Exists(Path.Combine(core, "OspBot.Core.csproj")))
            {
                return core;
            }
        }
        throw new DirectoryNotFoundException($"bot/OspBot.Core not found above {start}; run from the repository.");
    }
}
