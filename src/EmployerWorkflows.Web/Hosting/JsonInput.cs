using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Routing;

namespace EmployerWorkflows.Web.Hosting;

/// <summary>How request and response bodies of the APIs are (de)serialised.</summary>
public static class JsonInput
{
    public static WebApplicationBuilder AddJsonInput(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Enums travel as their names ("Collaborator", "Stable"), readable in requests and in the document.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // A misspelt field would otherwise be dropped in silence and the request half-applied.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        // Binding failures (bad JSON, a missing body, a wrong content type) reach the exception handler, which
        // answers them with a problem document naming the field, in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }
}
