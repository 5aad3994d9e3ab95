// Usage: dotnet run --project bot/OspBot.DesignTime -- add <MigrationName>
// Writes the migration for SQLite into bot/OspBot.Core/Data/Migrations/Sqlite and for PostgreSQL into
// bot/OspBot.Core/Data/Migrations/Postgres, each with its model snapshot.
using OspBot.DesignTime;

if (args is not ["add", var name] || string.IsNullOrWhiteSpace(name))
{
    Console.Error.WriteLine("usage: dotnet run --project bot/OspBot.DesignTime -- add <MigrationName>");
    return 2;
}

var coreProject = Scaffolder.FindCoreProject(Directory.GetCurrentDirectory());
foreach (var provider in Scaffolder.Providers)
{
    var files = Scaffolder.AddMigration(provider, name, coreProject);
    Console.WriteLine($"{provider.Name}: {Path.GetRelativePath(Directory.GetCurrentDirectory(), files.MigrationFile ?? name)}");
}
return 0;
