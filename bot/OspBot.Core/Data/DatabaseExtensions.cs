using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OspBot.Conversations;
using OspBot.Deduplication;
using OspBot.Members;

namespace OspBot.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// OspDbContext on SQLite (default) or PostgreSQL, migrations and the directory seed at start, the conversation
    /// store, the member directory, and a "ready" database health check. First: what reads the database as the
    /// host starts checks that it came before (RequireDatabaseFirst), since hosted services start in order.
    /// </summary>
    public static IHostApplicationBuilder AddOspDatabase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<DirectoryOptions>()
            .BindConfiguration(DirectoryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var db = DatabaseOptions.Resolve(builder);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // An empty string lets the host start far enough for ValidateOnStart to name the missing setting.
            builder.Services.AddDbContext<OspDbContext, PostgresOspDbContext>(o => o.UseNpgsql(db.ConnectionString ?? "")
                .ConfigureWarnings(QuietHandledFailures));
            // Several instances may share PostgreSQL: inbound activity ids are de-duplicated across them.
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(db.ConnectionString ?? ""));
            builder.Services.AddSingleton<IActivityIdStore, PostgresActivityIdStore>();
        }
        else
        {
            builder.Services.AddDbContext<OspDbContext, SqliteOspDbContext>(o =>
                o.UseSqlite(db.ConnectionString).AddInterceptors(SqlitePragmas.Instance).ConfigureWarnings(QuietHandledFailures));
        }

        builder.Services.AddMemoryCache();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ConversationWriteCache>();
        builder.Services.AddScoped<ConversationStore>();
        builder.Services.AddScoped<IConversationReachability>(sp => sp.GetRequiredService<ConversationStore>());
        builder.Services.AddScoped<MemberDirectory>();

        // Registered in this order on purpose: the seeder needs the tables the migrations create.
        builder.Services.AddHostedService<MigrateOnStartup>();
        builder.Services.AddHostedService<DirectorySeeder>();

        builder.Services.AddHealthChecks().AddDbContextCheck<OspDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// EF Core logs every failed command and SaveChanges as an error, also those the code expects and handles: two
    /// instances saving one update at once (a unique-key conflict UpdateEditor retries), the migrations history
    /// table that a new database does not have yet. A failure that matters reaches a turn's, job's or start-up's
    /// error boundary as an exception and is logged there, with the turn's ids; EF's own lines become Information.
    private static void QuietHandledFailures(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Information),
        (CoreEventId.SaveChangesFailed, LogLevel.Information));

    /// For what reads the database as the host starts (hosted services start in the order they were added): it
    /// must come after AddOspDatabase, whose migration runs first. A wrong order stops start-up here, with this message.
    internal static void RequireDatabaseFirst(this IServiceCollection services, string who)
    {
        if (!services.Any(s => s.ImplementationType == typeof(MigrateOnStartup)))
        {
            throw new InvalidOperationException($"{who} needs AddOspDatabase first: it reads the database as the host starts, after the migration.");
        }
    }
}
