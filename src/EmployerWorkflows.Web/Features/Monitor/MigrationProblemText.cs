using EmployerWorkflows.Runtime.Execution;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>The engine's migration problems said to an operator, in Italian or English.</summary>
public static class MigrationProblemText
{
    public static MigrationProblemView View(MigrationProblem p) => new(p.Kind.ToString(), For(p), p.State);

    public static string For(MigrationProblem p) => p.Kind switch
    {
        MigrationProblemKind.SameVersion => T($"La pratica usa già la versione {p.TargetVersion}.", $"The instance already runs version {p.TargetVersion}."),
        MigrationProblemKind.VersionNotPublished => T($"La versione {p.TargetVersion} di «{p.DefinitionId}» non esiste o non è pubblicata.",
            $"Version {p.TargetVersion} of «{p.DefinitionId}» does not exist or is not published."),
        MigrationProblemKind.MappedStateMissing => T($"Lo stato «{p.MappedTo}» scelto per «{p.State}» non esiste nella versione {p.TargetVersion}.",
            $"State «{p.MappedTo}», chosen for «{p.State}», does not exist in version {p.TargetVersion}."),
        _ => T($"Lo stato attuale «{p.State}» non esiste nella versione {p.TargetVersion}: scegli lo stato in cui portarlo.",
            $"The current state «{p.State}» does not exist in version {p.TargetVersion}: choose the state to move it to."),
    };
}
