using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Inbox;

/// <summary>
/// One host for the inbox page tests. Each test makes its own companies (a fresh codice fiscale and name), so
/// filtering on them keeps every test's tasks apart from the others'.
/// </summary>
public sealed class InboxHost : IDisposable
{
    private static int next = 1000;

    public AppFactory App { get; } = AppFactory.OnSqlite();

    /// <summary>A company with a name and codice fiscale no other test uses.</summary>
    public async Task<(Guid Id, string Name)> CompanyAsync()
    {
        var n = Interlocked.Increment(ref next);
        var company = new Company { Id = Guid.NewGuid(), CodiceFiscale = $"0{n:D6}0001"[..11], Name = $"Ditta Prova {n} Srl" };
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(company);
        await db.SaveChangesAsync();
        return (company.Id, company.Name);
    }

    /// <summary>An open company-registration review task of the company.</summary>
    public async Task<Guid> TaskAsync(Guid companyId, string? role = Roles.AgencyReviewer, TimeSpan? dueIn = null, TimeSpan? age = null,
        TaskPriority priority = TaskPriority.Normal, string? assignee = null)
    {
        var now = App.Clock.GetUtcNow();
        var task = new WorkflowTask
        {
            Id = Guid.NewGuid(), InstanceId = Guid.NewGuid(), DefinitionId = "company-registration", State = "UnderReview",
            Form = "company-review", Actions = "approve,reject", Role = role, AssigneeUserId = assignee, CompanyId = companyId,
            CreatedAt = now - (age ?? TimeSpan.FromHours(1)), DueAt = dueIn is { } d ? now + d : null, Priority = priority,
            TitleIt = "Verifica registrazione", TitleEn = "Review registration",
        };
        await using var db = App.Services.GetRequiredService<IWorkflowDbContextFactory>().CreateDbContext();
        db.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    public async Task<WorkflowTask> ReadTaskAsync(Guid id)
    {
        await using var db = App.Services.GetRequiredService<IWorkflowDbContextFactory>().CreateDbContext();
        return await db.FindAsync<WorkflowTask>(id) ?? throw new InvalidOperationException($"no task {id}");
    }

    public Task<HttpClient> ReviewerAsync() => TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.AgencyReviewer));

    public void Dispose() => App.Dispose();
}
