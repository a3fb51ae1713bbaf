using Scalar.AspNetCore;

namespace EmployerWorkflows.Web.Hosting;

public static class ApiDocs
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "EmployerWorkflows API";
            doc.Info.Description = "Procedures of employers on public labour portals: registration, accounts, SECO, intermittent work.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>OpenAPI document at <c>/openapi/v1.json</c>, Scalar UI at <c>/scalar/v1</c>; login needed outside Development.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        var document = app.MapOpenApi();
        var reference = app.MapScalarApiReference(o => o.WithTitle("EmployerWorkflows API"));
        // The document lists every operation and its fields: outside Development only people who log in see it.
        if (!app.Environment.IsDevelopment())
        {
            document.RequireAuthorization();
            reference.RequireAuthorization();
        }
        return app;
    }
}
