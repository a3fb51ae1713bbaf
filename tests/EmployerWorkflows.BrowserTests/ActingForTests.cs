using EmployerWorkflows.BrowserTests.Hosting;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Intermediaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

/// <summary>A consultant acting for two employers sees the current one in the header and switches, on a phone and on a desktop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ActingForTests(Chromium chromium) : BrowserScenario(chromium)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task Header_ShowsTheEmployerActedFor_AndSwitchesIt(int width, int height)
    {
        var consultant = await PersonAsync("CNSLNT");
        var administrator = await PersonAsync("AMMNST");
        var (first, second) = await TwoDelegatingEmployersAsync(consultant, administrator);
        var page = await LoginAsync(consultant);
        await page.SetViewportSizeAsync(width, height);

        await page.VisitAsync("/intermediary");
        var employer = page.GetByLabel("Per conto di");
        await Expect(employer).ToBeVisibleAsync();
        await Expect(employer).ToHaveValueAsync(first.ToString());
        var box = await page.Locator("form.acting-for").BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width + 1, $"header switch outside a {width}px viewport: {box?.X}+{box?.Width}");

        await employer.SelectOptionAsync(second.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Cambia" }).ClickAsync();
        await Expect(page.GetByLabel("Per conto di")).ToHaveValueAsync(second.ToString());
        await page.AssertAccessibleAsync();
        await page.VisitAsync("/companies");
        await Expect(page.GetByLabel("Per conto di")).ToHaveValueAsync(second.ToString());
        await ScreenshotAsync(page, $"acting-for-{width}");

        // The employer's side: its administrator's «Invita per…» page lists the consultant's delegation.
        var admin = await LoginAsync(administrator);
        await admin.SetViewportSizeAsync(width, height);
        await admin.VisitAsync($"/companies/{first}/delegations");
        await Expect(admin.Locator("ul.delegations li")).ToContainTextAsync("Studio Esempio");
    }

    /// <summary>Two active employers whose delegations the consultant accepted ("A…" sorts before "B…", so A is current first).</summary>
    /// <remarks>The person <paramref name="administratorCf"/> administers the first.</remarks>
    private async Task<(Guid First, Guid Second)> TwoDelegatingEmployersAsync(string consultantCf, string administratorCf)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = (await db.Users.SingleAsync(u => u.CodiceFiscale == consultantCf)).Id;
        var now = App.Clock.GetUtcNow();
        var intermediary = new Intermediary
        {
            UserId = userId, Type = "labour-consultant", Name = "Studio Esempio", RegisterName = "Albo di Bologna", RegisterNumber = "BO-1", CreatedAt = now,
        };
        db.Add(intermediary);
        var ids = new List<Guid>();
        foreach (var (cf, name) in new[] { ("12345670371", "Alfa Esempio Srl"), ("23456780370", "Beta Esempio Srl") })
        {
            var company = new Company { CodiceFiscale = cf, Name = name, Email = "info@example.org", Status = CompanyStatus.Active, CreatedAt = now, UpdatedAt = now };
            db.Add(company);
            db.Add(new Delegation
            {
                CompanyId = company.Id, IntermediaryId = intermediary.Id, Scope = "intermittent-registration", Status = DelegationStatus.Active,
                ExpiresOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), InvitedByUserId = userId, InvitedAt = now, AnsweredAt = now,
            });
            ids.Add(company.Id);
        }
        var administratorId = (await db.Users.SingleAsync(u => u.CodiceFiscale == administratorCf)).Id;
        db.Add(new Membership
        {
            CompanyId = ids[0], UserId = administratorId, Kind = MembershipKind.Administrator, DataProcessingAuthorised = true,
            CreatedAt = now, CreatedByUserId = administratorId,
        });
        await db.SaveChangesAsync();
        return (ids[0], ids[1]);
    }
}
