namespace EmployerWorkflows.Runtime.Expressions;

/// <summary>
/// Budget of one expression evaluation. A definition is written by designers, not developers, so every
/// evaluation runs under all four limits; crossing one is an <see cref="ExpressionException"/>.
/// </summary>
/// <param name="Timeout">Wall-clock time for one evaluation.</param>
/// <param name="MemoryBytes">Bytes the evaluation may allocate.</param>
/// <param name="RecursionDepth">Maximum call depth of JavaScript functions.</param>
/// <param name="MaxStatements">Maximum statements executed by one evaluation.</param>
public sealed record ExpressionLimits(
    TimeSpan Timeout,
    long MemoryBytes,
    int RecursionDepth,
    int MaxStatements)
{
    /// <summary>
    /// Characters of a value's result as JSON. Results are stored in the instance's variables, so a script that
    /// returns a megabyte string would make every later read of the instance pay for it.
    /// </summary>
    public int MaxResultChars { get; init; } = 100_000;

    /// <summary>250 ms, 4 MB, depth 64, 100 000 statements, results of 100 000 characters.</summary>
    public static ExpressionLimits Default { get; } =
        new(TimeSpan.FromMilliseconds(250), 4 * 1024 * 1024, 64, 100_000);
}
