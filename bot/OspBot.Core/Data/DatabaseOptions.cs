using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace OspBot.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where OspBot keeps its data (configuration section "Database").</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary>Sqlite (default) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Optional for SQLite (defaults to <c>Data Source=data/ospbot.db</c> under the
    /// content root; a relative Data Source is taken relative to the content root), required for Postgres.
    /// </summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:ConnectionString is required when Database:Provider is Postgres.",
                [nameof(ConnectionString)]);
        }
    }

    /// <summary>
    /// The settings as both EF Core and Quartz use them: for SQLite, the default file and relative paths are
    /// resolved against the content root, because the process's working directory is not stable under a host.
    /// </summary>
    internal static DatabaseOptions Resolve(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(Section).Get<DatabaseOptions>() ?? new();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            options.ConnectionString = ResolveSqlite(options.ConnectionString, builder.Environment.ContentRootPath);
        }
        return options;
    }

    internal static string ResolveSqlite(string? connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? "Data Source=data/ospbot.db" : connectionString);
        if (!IsInMemory(csb) && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }
        return csb.ToString();
    }

    internal static bool IsInMemory(string connectionString) => IsInMemory(new SqliteConnectionStringBuilder(connectionString));

    private static bool IsInMemory(SqliteConnectionStringBuilder csb) =>
        csb.Mode == SqliteOpenMode.Memory || csb.DataSource is "" or ":memory:";
}
