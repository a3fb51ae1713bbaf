using Microsoft.Extensions.Configuration.Json;

namespace EmployerWorkflows.Web.Hosting;

public static class ConfigurationSetup
{
    /// <summary>
    /// Reads the root appsettings.json (and its environment variant) as the lowest layer of configuration, so
    /// environment variables and command-line arguments still override it. Returns the application home.
    /// </summary>
    public static string AddRootConfiguration(this WebApplicationBuilder builder)
    {
        var home = AppPaths.FindHome(builder.Environment.ContentRootPath);
        var env = builder.Environment.EnvironmentName;
        builder.Configuration.Sources.Insert(0, Json(Path.Combine(home, "appsettings.json"), optional: false));
        builder.Configuration.Sources.Insert(1, Json(Path.Combine(home, $"appsettings.{env}.json"), optional: true));
        builder.Configuration["App:Home"] = home;
        return home;
    }

    private static JsonConfigurationSource Json(string path, bool optional)
    {
        var source = new JsonConfigurationSource { Path = path, Optional = optional, ReloadOnChange = false };
        source.ResolveFileProvider();
        return source;
    }
}
