using Scalar.AspNetCore;

namespace EmployerWorkflows.Web.Hosting;

public static class ApiDocs
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        // Enums travel as their names ("Collaborator", "Stable"), readable in requests and in the document.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "EmployerWorkflows API";
            doc.Info.Description = "Procedures of employers on public labour portals: registration, accounts, SECO, intermittent work.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>OpenAPI document at <c>/openapi/v1.json</c>, Scalar UI at <c>/scalar/v1</c>.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("EmployerWorkflows API"));
        return app;
    }
}
