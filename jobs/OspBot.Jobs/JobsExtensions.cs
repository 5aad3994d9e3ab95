using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OspBot.Data;
using Quartz;

namespace OspBot.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Quartz with its store in OspBot's database (SQLite file, or PostgreSQL as a cluster), its tables created
    /// when missing, and a "ready" health check. The database comes first: hosted services start in the order they
    /// were added, and the scheduler must not start before the schema is migrated.
    /// </summary>
    public static IHostApplicationBuilder AddOspJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RequireDatabaseFirst("AddOspJobs");
        builder.Services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new();
        var db = DatabaseOptions.Resolve(builder);

        builder.AddQuartz(q =>
        {
            if (!string.IsNullOrWhiteSpace(jobs.InstanceId))
            {
                q.ConfigureScheduler(s => s.InstanceId = jobs.InstanceId);
            }
            q.UseDefaultThreadPool(Math.Max(1, jobs.MaxConcurrency));
            ConfigureStore(q, db);
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHealthChecks().AddQuartz(o =>
        {
            o.Name = "scheduler";
            o.Tags.Add("ready");
        });
        return builder;
    }

    internal static void ConfigureStore(IQuartzBuilder q, DatabaseOptions db)
    {
        var connectionString = db.ConnectionString ?? "";
        if (db.Provider == DatabaseProvider.Sqlite && DatabaseOptions.IsInMemory(connectionString))
        {
            // An in-memory database (tests) outlives nothing, so persisting the schedule there buys nothing.
            q.UseInMemoryStore();
            return;
        }

        q.UsePersistentStore(store =>
        {
            store.UseSystemTextJsonSerializer();
            // Quartz creates its own QRTZ_ tables when missing (and only creates), so no EF migration owns them.
            store.ProvisionSchema();
            if (db.Provider == DatabaseProvider.Postgres)
            {
                store.UsePostgres(connectionString);
                // Several bot instances share one schedule; each trigger fires on one of them.
                store.UseClustering();
            }
            else
            {
                // The same file as EF Core, which has switched it to WAL; Microsoft.Data.Sqlite retries a busy
                // database for the command timeout, so the two writers wait for each other instead of failing.
                store.UseSqlite(connectionString);
            }
        });
    }
}
