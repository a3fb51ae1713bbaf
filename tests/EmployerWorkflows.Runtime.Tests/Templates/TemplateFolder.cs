namespace EmployerWorkflows.Runtime.Tests.Templates;

/// <summary>A throw-away <c>{it,en}/*.liquid</c> folder in the temp directory.</summary>
internal sealed class TemplateFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ew-templates-" + Guid.NewGuid().ToString("N"));

    public TemplateFolder Write(string language, string name, string content)
    {
        Directory.CreateDirectory(Path.Combine(Root, language));
        File.WriteAllText(Path.Combine(Root, language, name + ".liquid"), content);
        return this;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
