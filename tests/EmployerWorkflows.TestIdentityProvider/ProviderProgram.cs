namespace EmployerWorkflows.TestIdentityProvider;

/// <summary><c>dotnet run --project tests/EmployerWorkflows.TestIdentityProvider</c> serves the provider on port 5090.</summary>
public static class ProviderProgram
{
    public static void Main(string[] args) => TestProvider.Build(args).Run();
}
