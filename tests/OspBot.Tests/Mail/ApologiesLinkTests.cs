using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using OspBot.Meetings;
using W = OspBot.Tests.Meetings.MeetingsWorld;

namespace OspBot.Tests.Mail;

/// Issue 16: the apologies link of a meeting reminder e-mail, through the real HTTP pipeline: signed for one person
/// and one meeting, expiring at the start, anti-forgery on the POST, rate-limited, a strict CSP, one page for every
/// link that does not work; the apologies land where the secretariat reads them.
public sealed partial class ApologiesLinkTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<(W World, string Link, int MeetingId)> RemindedAsync(CancellationToken ct)
    {
        var world = await W.StartAsync(March2, null, ct);
        await world.DbAsync(db => db.People.Where(p => p.Name == "Cat")
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, "cat@police.example"), ct));
        var meeting = await world.ScheduleAsync(world.TestGroupId, At("2026-11-02T10:00:00Z"), ct);
        world.Clock.SetUtcNow(At("2026-10-26T10:00:00Z"));
        await world.DispatchAsync(ct);
        var mail = Assert.Single(await MeetingInvitationMailTests.MailsAsync(world, "Reminder:", ct));
        var link = new Uri(Regex.Match(mail.TextBody!, @"Send apologies for [^:]+: (?<url>\S+)").Groups["url"].Value);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\"", mail.HtmlBody, StringComparison.Ordinal);
        return (world, link.PathAndQuery, meeting.Meeting.MeetingId);
    }

    [Fact]
    public async Task The_link_opens_a_form_whose_post_records_the_apologies_for_the_secretariat()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, link, meetingId) = await RemindedAsync(ct);
        await using var _ = world;
        using var http = world.App.CreateClient();

        using var page = await http.GetAsync(link, ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        using var forged = await http.PostAsync(link, new FormUrlEncodedContent([new("note", "forged")]), ct);
        var field = AntiforgeryField().Match(html);
        using var sent = await http.PostAsync(link, new FormUrlEncodedContent(
            [new(field.Groups["name"].Value, WebUtility.HtmlDecode(field.Groups["value"].Value)), new("note", "On leave <that week>")]), ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'self'; script-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<label for=\"note\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Apologies sent", await sent.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var apologies = await world.WithAsync((MeetingQueries q) => q.ListApologiesAsync(W.Sam, meetingId, ct));
        var apology = Assert.Single(Assert.IsType<MeetingResult<IReadOnlyList<ApologyView>>.Done>(apologies).Value);
        Assert.Equal(("Cat", "On leave <that week>"), (apology.PersonName, apology.Note));
    }

    [Fact]
    public async Task Tampered_other_meeting_and_expired_links_all_get_the_same_page_naming_who_to_contact()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, link, meetingId) = await RemindedAsync(ct);
        await using var _ = world;
        using var http = world.App.CreateClient();
        var other = await world.ScheduleAsync(world.TestGroupId, At("2026-11-09T10:00:00Z"), ct);

        var tampered = await BodyAsync(http, link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..], ct);
        var otherMeeting = await BodyAsync(http, link.Replace($"/{meetingId}?", $"/{other.Meeting.MeetingId}?", StringComparison.Ordinal), ct);
        var noToken = await BodyAsync(http, link[..link.IndexOf('?', StringComparison.Ordinal)], ct);
        world.Clock.SetUtcNow(At("2026-11-02T10:00:00Z"));
        var expired = await BodyAsync(http, link, ct);

        Assert.All(new[] { tampered, otherMeeting, noToken, expired }, r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.Status);
            Assert.Equal(noToken.Body, r.Body);
        });
        Assert.Contains("This link does not work", noToken.Body, StringComparison.Ordinal);
        Assert.Contains("OSP secretariat", noToken.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_link_is_rate_limited()
    {
        var ct = TestContext.Current.CancellationToken;
        var (world, link, _) = await RemindedAsync(ct);
        await using var _ = world;
        using var http = world.App.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await BodyAsync(http, link, ct)).Status);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 10), HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<(HttpStatusCode Status, string Body)> BodyAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
