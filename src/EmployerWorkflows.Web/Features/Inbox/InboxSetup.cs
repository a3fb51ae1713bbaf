namespace EmployerWorkflows.Web.Features.Inbox;

public static class InboxSetup
{
    public static WebApplicationBuilder AddInbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TaskCommands>();
        builder.Services.AddScoped<TaskPageData>();
        builder.Services.AddScoped<Procedures.WhatHappensNext>();
        builder.Services.AddScoped<SavedInboxFilters>();
        return builder;
    }

    public static WebApplication MapInbox(this WebApplication app)
    {
        app.MapTasksApi();
        app.MapDocuments();
        app.MapTaskDocuments();
        return app;
    }
}
