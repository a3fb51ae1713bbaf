using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Web.Features.Catalogue;

/// <summary>
/// A procedure a person can start from the pages: its definition, who may start it, what it needs and where its start
/// form is.
/// </summary>
public sealed record CatalogueEntry(string DefinitionId, LocalizedText Title, LocalizedText WhoMayStart, LocalizedText Needs, string StartUrl);

/// <summary>A preset of the task inbox for a desk: one procedure's open steps.</summary>
public sealed record DeskView(string DefinitionId, LocalizedText Title, string Url);
