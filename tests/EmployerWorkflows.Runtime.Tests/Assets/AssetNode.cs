using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EmployerWorkflows.Runtime.Tests.Assets;

/// <summary>
/// One application node's view of templates and forms: its own catalogs over the shipped files, and a store on the
/// shared database. Two nodes on one database behave like two servers.
/// </summary>
public sealed class AssetNode
{
    public const string ShippedGreeting = "subject: Benvenuto {{ name }}\n---\nCiao {{ name }}.";

    public AssetNode(string workflowsFolder, TestDatabase database)
    {
        Templates = new FileTemplateCatalog(Path.Combine(workflowsFolder, "templates"));
        Forms = new FileFormCatalog(Path.Combine(workflowsFolder, "forms"));
        Store = new AssetStore(database.Contexts, Templates, Forms, new FakeTimeProvider(RuntimeHost.Start));
    }

    public FileTemplateCatalog Templates { get; }
    public FileFormCatalog Forms { get; }
    public AssetStore Store { get; }

    /// <summary>A workflows folder shipping an Italian "greeting" template and a "contact" form.</summary>
    public static string ShipFiles(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "templates", "it"));
        Directory.CreateDirectory(Path.Combine(root, "forms"));
        File.WriteAllText(Path.Combine(root, "templates", "it", "greeting.liquid"), ShippedGreeting);
        File.WriteAllText(Path.Combine(root, "forms", "contact.form.json"), Form("contact", "Telefono"));
        return root;
    }

    public static string Form(string id, string label) => $$"""
        { "id": "{{id}}", "title": { "it": "Contatto", "en": "Contact" },
          "fields": [ { "name": "phone", "label": { "it": "{{label}}", "en": "Phone" }, "type": "text" } ] }
        """;
}
