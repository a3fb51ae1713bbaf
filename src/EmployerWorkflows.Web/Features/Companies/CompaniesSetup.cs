using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Web.Features.Companies.Operations;
using EmployerWorkflows.Web.Features.Companies.Registration;

namespace EmployerWorkflows.Web.Features.Companies;

public static class CompaniesSetup
{
    public static WebApplicationBuilder AddCompanies(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CompanyAccess>();
        builder.Services.AddScoped<CompanyAdministration>();
        builder.Services.AddScoped<RegisterCompany>();
        builder.Services.AddScoped<ResubmitRegistration>();
        builder.Services.AddSingleton<IWorkflowOperation, ActivateCompany>();
        builder.Services.AddSingleton<IWorkflowOperation, RejectCompany>();
        return builder;
    }

    public static WebApplication MapCompanies(this WebApplication app)
    {
        app.MapCompaniesApi();
        app.MapCompanyRegistration();
        return app;
    }
}
