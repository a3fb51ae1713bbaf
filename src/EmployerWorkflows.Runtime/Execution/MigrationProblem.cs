namespace EmployerWorkflows.Runtime.Execution;

/// <summary>Why a migration cannot run.</summary>
public enum MigrationProblemKind
{
    /// <summary>The instance already runs the target version.</summary>
    SameVersion,
    /// <summary>The target version does not exist, is a draft or is retired.</summary>
    VersionNotPublished,
    /// <summary>A mapping names a state the target version does not have.</summary>
    MappedStateMissing,
    /// <summary>The current state is absent from the target version and the mapping does not say where it goes.</summary>
    CurrentStateUnmapped,
}

/// <summary>One reason a migration is refused, with the names a user interface needs to explain it.</summary>
/// <param name="State">The state of the instance's version the problem is about (the mapped or the current one).</param>
/// <param name="MappedTo">The missing target state of a <see cref="MigrationProblemKind.MappedStateMissing"/> mapping.</param>
public sealed record MigrationProblem(MigrationProblemKind Kind, string DefinitionId, int TargetVersion, string? State = null, string? MappedTo = null)
{
    /// <summary>The problem in English, as the exception and logs carry it.</summary>
    public string Message => Kind switch
    {
        MigrationProblemKind.SameVersion => $"The instance already runs version {TargetVersion}.",
        MigrationProblemKind.VersionNotPublished => $"Version {TargetVersion} of '{DefinitionId}' does not exist or is not published.",
        MigrationProblemKind.MappedStateMissing => $"Mapped state '{MappedTo}' (for '{State}') does not exist in version {TargetVersion}.",
        _ => $"The current state '{State}' does not exist in version {TargetVersion}; map it to one that does.",
    };
}
