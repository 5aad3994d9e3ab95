using OspBot.Data;
using OspBot.Escalations;
using OspBot.Hosting;
using OspBot.Jobs;
using OspBot.Mail;
using OspBot.MeetingPack;
using OspBot.Meetings;
using OspBot.Members;
using OspBot.Observability;
using OspBot.Outbox;
using OspBot.Reports;
using OspBot.Requests;
using OspBot.Rounds;
using OspBot.Teams.Hosting;
using OspBot.UpdateForm;

var builder = WebApplication.CreateBuilder(args);

// The Bot Framework's customary local endpoint, even when appsettings.json is not beside the process.
builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? "http://localhost:3978");

// Each feature registers all of itself (services, commands, cards, jobs); their order does not matter.
builder.AddOspDatabase();   // SQLite file in ./data unless Database:Provider=Postgres; migrations, directory seed
builder.AddReverseProxy();  // behind a load balancer: ReverseProxy:TrustedNetworks, whose X-Forwarded-For is believed
builder.AddOspTelemetry();  // OpenTelemetry traces and metrics over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; off otherwise
builder.AddOspJobs();       // Quartz, its persistent store in the same database (clustered on PostgreSQL)
builder.AddTeamsBot();      // Bot Framework protocol: channel auth, connector, turns; the router over the command table
builder.AddMembers();       // who callers are and their roles; the secretariat's `directory` card
builder.AddOutbox();        // proactive messages: stored deliveries sent exactly once by the dispatch job
builder.AddRounds();        // quarterly update rounds: `my update`, `status`, `open round`..., prompts, chasers, digests
builder.AddMeetings();      // `schedule meeting`, `meetings`, reminders; the Graph calendar or .ics invitations
builder.AddMail();          // e-mail to people outside the council's Teams: Graph sendMail, SMTP, or .eml files in data/mail
builder.AddUpdateForm();    // the quarterly update on a signed-link web form, for partners reached by e-mail
builder.AddReports();       // annual report: `compile report`, the persisted job, download links, SharePoint copy
builder.AddReportSignOff(); // each sub-group signs off its part: part cards through the outbox, `report parts`, chase, final
builder.AddSubGroupReport(); // a sub-group's own annual report (`annual report`) and its standing settings (`sub-group settings`)
builder.AddRequests();      // requests register: section 4 of each update taken in, `requests`, owners' cards, CSV
builder.AddEscalations();   // `escalations`: the same block (or amber/red) two quarters running, to the agenda or dismissed
builder.AddMeetingPack();   // `meeting pack`: the steering group's .docx pack from the newest round, every version kept
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOspHealthChecks();   // GET /healthz (database, scheduler), GET /healthz/live
app.MapTeamsBot();          // POST /api/messages
app.MapReports();           // GET /reports/{id}/download (secretariat-only, expiring links)
app.MapMeetings();          // GET /meetings/{id}/invitation.ics (secretariat-only, expiring links)
app.MapMail();              // GET/POST /mail/apologies/{id} (the signed apologies link of a reminder e-mail)
app.MapUpdateForm();        // GET/POST /mail/update/{id} (the signed update form of a prompt or chaser e-mail)
app.MapMeetingPack();       // GET /meeting-pack/{id}/download (secretariat and steering group, expiring links)
app.MapRequests();          // GET /requests/register (the register as CSV or Markdown, secretariat-only, expiring links)

app.Run();
