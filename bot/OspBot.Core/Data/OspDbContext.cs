using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OspBot.Conversations;
using OspBot.Deduplication;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Outbox;
using OspBot.Reports;
using OspBot.Reports.Settings;
using OspBot.Rounds;

namespace OspBot.Data;

/// The one context services use. It is abstract because each provider has its own derived context, so that each
/// keeps its own migration set (EF Core docs, "Migrations with Multiple Providers"). It also keeps the Data
/// Protection key ring (IDataProtectionKeyContext), so every instance on the database signs with the same keys.
internal abstract class OspDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<ConversationReference> Conversations => Set<ConversationReference>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<UpdateRound> Rounds => Set<UpdateRound>();

    public DbSet<SubGroupUpdate> SubGroupUpdates => Set<SubGroupUpdate>();

    public DbSet<UpdateVersion> UpdateVersions => Set<UpdateVersion>();

    public DbSet<PlanReview> PlanReviews => Set<PlanReview>();

    public DbSet<ReminderSnooze> ReminderSnoozes => Set<ReminderSnooze>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<ReportCompilation> ReportCompilations => Set<ReportCompilation>();

    public DbSet<SignOffYear> SignOffYears => Set<SignOffYear>();

    public DbSet<ReportPart> ReportParts => Set<ReportPart>();

    public DbSet<ReportPartVersion> ReportPartVersions => Set<ReportPartVersion>();

    public DbSet<SubGroupSettingsVersion> SubGroupSettingsVersions => Set<SubGroupSettingsVersion>();

    public DbSet<ReportSettingsVersion> ReportSettingsVersions => Set<ReportSettingsVersion>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingApology> MeetingApologies => Set<MeetingApology>();

    public DbSet<SeenActivity> SeenActivities => Set<SeenActivity>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OspDbContext).Assembly);
}

internal sealed class SqliteOspDbContext(DbContextOptions<SqliteOspDbContext> options) : OspDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type; stored as text, DateTimeOffset cannot be compared or ordered in SQL.
        // The binary form (UTC ticks) sorts correctly, so "last seen before x" queries translate.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

internal sealed class PostgresOspDbContext(DbContextOptions<PostgresOspDbContext> options) : OspDbContext(options);
