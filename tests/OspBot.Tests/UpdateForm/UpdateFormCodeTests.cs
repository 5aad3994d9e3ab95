using System.Net;
using System.Text.RegularExpressions;
using OspBot.Tests.Mail;
using static OspBot.Tests.Rounds.RoundsWire;

namespace OspBot.Tests.UpdateForm;

/// Issue 16, Mail:RequireCode: with it on, the e-mailed link alone does not open the form; the partner asks for a code,
/// which goes to the same address (read back from the pickup folder), and only the right one opens it. Wrong codes are
/// refused, and guessing runs into the link's rate limit. With it off (the default) the link opens the form at once.
public sealed partial class UpdateFormCodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"challenge\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex ChallengeField();

    [GeneratedRegex(@"Your code is (?<code>\d{6})\.")]
    private static partial Regex CodeInMail();

    [Fact]
    public async Task With_the_code_required_only_the_code_sent_to_the_same_address_opens_the_form()
    {
        await using var site = await UpdateFormSite.StartAsync(Ct, ("Mail:RequireCode", "true"));
        var link = (await site.LinkInPromptAsync(LeadA, Ct)).PathAndQuery;
        var (_, email) = await MailWire.PersonAsync(site.Wire, LeadA, Ct);
        using var http = site.Wire.Client;

        using var first = await http.GetAsync(link, Ct);
        var codePage = await first.Content.ReadAsStringAsync(Ct);
        using var asked = await http.PostAsync(CodePath(link), Form(codePage, ("action", "send")), Ct);
        var askedPage = await asked.Content.ReadAsStringAsync(Ct);
        var mail = Assert.Single(MailWire.To(site.Pickup, email), m => m.Subject == "Your code for the OSP update form");
        var code = CodeInMail().Match(mail.TextBody!).Groups["code"].Value;
        var wrongCode = code == "000000" ? "111111" : "000000";
        using var wrong = await http.PostAsync(CodePath(link), Form(askedPage, ("action", "verify"), ("challenge", Challenge(askedPage)), ("code", wrongCode)), Ct);
        using var right = await http.PostAsync(CodePath(link), Form(askedPage, ("action", "verify"), ("challenge", Challenge(askedPage)), ("code", code)), Ct);
        var form = await right.Content.ReadAsStringAsync(Ct);
        using var again = await http.GetAsync(link, Ct);
        using var elsewhere = site.Wire.App.CreateClient();
        using var otherBrowser = await elsewhere.GetAsync(link, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.EndsWith("/code", first.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Confirm it is you", codePage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"achievements\"", codePage, StringComparison.Ordinal);
        Assert.Matches(@"^\d{6}$", code);
        Assert.Contains("name=\"code\"", askedPage, StringComparison.Ordinal);
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(link.Split('?')[0], right.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("name=\"achievements\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"achievements\"", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Confirm it is you", await otherBrowser.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_codes_is_refused_and_then_rate_limited()
    {
        await using var site = await UpdateFormSite.StartAsync(Ct, ("Mail:RequireCode", "true"));
        var link = (await site.LinkInPromptAsync(LeadA, Ct)).PathAndQuery;
        using var http = site.Wire.Client;
        using var first = await http.GetAsync(CodePath(link), Ct);
        using var asked = await http.PostAsync(CodePath(link), Form(await first.Content.ReadAsStringAsync(Ct), ("action", "send")), Ct);
        var askedPage = await asked.Content.ReadAsStringAsync(Ct);

        var statuses = new List<HttpStatusCode>();
        var refusals = 0;
        for (var guess = 0; guess < 30; guess++)
        {
            using var response = await http.PostAsync(CodePath(link),
                Form(askedPage, ("action", "verify"), ("challenge", Challenge(askedPage)), ("code", $"{guess:D6}x")), Ct);
            statuses.Add(response.StatusCode);
            refusals += (await response.Content.ReadAsStringAsync(Ct)).Contains("That code is not right", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), refusals);
        Assert.True(refusals > 0, "No wrong code was refused before the rate limit.");
        Assert.All(statuses.SkipWhile(s => s == HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Without_the_setting_the_link_opens_the_form_directly()
    {
        await using var site = await UpdateFormSite.StartAsync(Ct);
        var link = (await site.LinkInPromptAsync(LeadA, Ct)).PathAndQuery;
        var (_, email) = await MailWire.PersonAsync(site.Wire, LeadA, Ct);
        using var http = site.Wire.Client;

        using var page = await http.GetAsync(link, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("/code", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("name=\"achievements\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm it is you", html, StringComparison.Ordinal);
        Assert.DoesNotContain(MailWire.To(site.Pickup, email), m => m.Subject == "Your code for the OSP update form");
    }

    private static string CodePath(string link)
    {
        var query = link.IndexOf('?', StringComparison.Ordinal);
        return string.Concat(link.AsSpan(0, query), "/code", link.AsSpan(query));
    }

    private static string Challenge(string page) => WebUtility.HtmlDecode(ChallengeField().Match(page).Groups["value"].Value);

    /// A POST carrying the anti-forgery token of the page it comes from, as a browser would send it.
    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
    {
        var (name, value) = UpdateFormSite.AntiforgeryField(page);
        return new([new(name, value), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
    }
}
