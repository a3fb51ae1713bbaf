using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Email;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Inbox;
using EmployerWorkflows.Web.Hosting;
using EmployerWorkflows.Web.Jobs;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);
var home = builder.AddRootConfiguration();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddDatabase(home);
builder.Services.AddDataProtection().SetApplicationName("EmployerWorkflows").PersistKeysToDbContext<AppDbContext>();
builder.AddIdentityFeature();
builder.AddLocalizationFeature();
builder.AddEmail(home);
builder.AddJobs();
builder.AddWorkflowRuntime(home);
builder.AddCompanies();
builder.AddCollaborators();
builder.AddInbox();
builder.AddHealth();
builder.AddApiDocs();
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.PrepareAsync();

if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error");
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseLocalizationFeature();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapApiDocs();
app.MapJobs();
app.MapWorkflowJobs();
app.MapCompanies();
app.MapCollaborators();
app.MapInbox();
app.MapRazorPages();
app.Run();

public partial class Program;
