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
        // A bare status (403 from authorization, 404 from routing) becomes the error page for a browser, in the
        // reader's language, and a problem document for a program.
        app.UseWhen(http => ProblemExceptionHandler.WantsPage(http.Request), page => page.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(http => !ProblemExceptionHandler.WantsPage(http.Request), api => api.UseStatusCodePages());
        return app;
    }
}
