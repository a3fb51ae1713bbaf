using System.Globalization;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>Runs code as a request in that language would: with the UI culture set, restored afterwards.</summary>
public static class InCulture
{
    public static void Run(string culture, Action code) => Run(culture, () =>
    {
        code();
        return 0;
    });

    public static T Run<T>(string culture, Func<T> code)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return code();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
