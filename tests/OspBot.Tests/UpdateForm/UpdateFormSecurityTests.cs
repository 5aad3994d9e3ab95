using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OspBot.Data;
using OspBot.Mail;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.UpdateForm;

/// Issue 16: the update form's POSTs need the anti-forgery token its page carries, one link is rate-limited, and the
/// page is sent with a strict CSP; over real HTTP against the listening host.
public sealed class UpdateFormSecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_post_without_or_with_a_wrong_anti_forgery_token_is_refused_and_saves_nothing()
    {
        await using var site = await UpdateFormSite.StartAsync(Ct);
        var link = (await site.LinkInPromptAsync(LeadA, Ct)).PathAndQuery;
        using var http = site.Wire.Client;

        using var page = await http.GetAsync(link, Ct);
        var field = UpdateFormSite.AntiforgeryField(await page.Content.ReadAsStringAsync(Ct));
        using var without = await http.PostAsync(link, Form(("achievements", "forged"), ("action", "draft"), ("revision", "0")), Ct);
        using var wrong = await http.PostAsync(link, Form((field.Name, "CfDJ8wrong"), ("achievements", "forged"), ("action", "draft"), ("revision", "0")), Ct);
        using var right = await http.PostAsync(link, Form(field,
            ("achievements", "Genuine"), ("action", "draft"), ("revision", "0")), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'self'; script-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (without.StatusCode, wrong.StatusCode));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);   // after the redirect back to the form
        Assert.Contains("Your draft is saved", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(["Genuine"], await site.Wire.InScopeAsync(sp => sp.GetRequiredService<OspDbContext>().UpdateVersions.Select(v => v.Achievements).ToListAsync(Ct)));
    }

    [Fact]
    public async Task One_link_is_rate_limited()
    {
        await using var site = await UpdateFormSite.StartAsync(Ct);
        var link = (await site.LinkInPromptAsync(LeadA, Ct)).PathAndQuery;
        using var http = site.Wire.Client;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            using var response = await http.GetAsync(link, Ct);
            statuses.Add(response.StatusCode);
        }
        using var css = await http.GetAsync("/mail/form.css", Ct);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 30), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
