using OspBot.Api;
using OspBot.Data;
using OspBot.Jobs;
using OspBot.Jobs.Meetings;
using OspBot.Meetings;
using OspBot.Outbox;
using OspBot.Reports;
using OspBot.Rounds;
using OspBot.Teams.DirectoryEditing;
using OspBot.Teams.Hosting;
using OspBot.Teams.Meetings;
using OspBot.Teams.Rounds;

var builder = WebApplication.CreateBuilder(args);

// The Bot Framework's customary local endpoint, even when appsettings.json is not beside the process.
builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? "http://localhost:3978");

builder.AddOspDatabase();   // SQLite file in ./data unless Database:Provider=Postgres; migrations, directory seed
builder.AddRounds();        // quarterly update rounds: RoundService, directory edits
builder.AddMeetings();      // MeetingService; the Graph calendar when Graph:ClientId is set, otherwise .ics invitations
builder.AddTeamsBot();      // Bot Framework protocol: channel auth, connector, turns; OspBot's handlers
builder.AddOspJobs();       // Quartz, its persistent store in the same database (clustered on PostgreSQL)
builder.AddOutbox();        // proactive messages: stored deliveries sent exactly once by the dispatch job, every minute
builder.AddMeetingJobs();   // retries calendar bookings Graph could not take; installs the app for members it cannot reach
builder.AddRoundsInTeams(); // round commands and card actions; proactive prompts, chasers, digests every minute
builder.AddDirectoryInTeams(); // secretariat's `directory` card: seats, new people, linking unmatched Teams users
builder.AddReports();       // annual report: compile command, persisted job, download links
builder.AddReportPublishing(); // SharePoint/OneDrive copy of each report when Graph and Reports:SharePointDriveId are set
builder.AddMeetingsInTeams(); // `schedule meeting`, `meetings` and the meeting cards; signed .ics links (after AddReports)
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOspHealthChecks();   // GET /healthz (database, scheduler), GET /healthz/live
app.MapTeamsBot();          // POST /api/messages
app.MapReports();           // GET /reports/{id}/download (secretariat-only, expiring links)
app.MapMeetings();          // GET /meetings/{id}/invitation.ics (secretariat-only, expiring links)

app.Run();
