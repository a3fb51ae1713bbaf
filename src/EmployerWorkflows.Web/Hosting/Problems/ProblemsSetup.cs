using Microsoft.AspNetCore.Diagnostics;

namespace EmployerWorkflows.Web.Hosting.Problems;

public static class ProblemsSetup
{
    public static WebApplicationBuilder AddProblemHandling(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// In every environment, so that a developer sees what a user sees; the developer page would otherwise answer
    /// a bad body with a stack trace. Runs inside request localization, so answers speak the reader's language.
    /// </summary>
    public static WebApplication UseProblemHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error" });
        app.UseStatusCodePages();
        return app;
    }
}
