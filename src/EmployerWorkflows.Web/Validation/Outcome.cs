using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Validation;

/// <summary>
/// What a service did, in domain terms: done, not found (or not the caller's), bad input with field errors, or refused
/// as a whole with a reason (not registered, already sent, not cancellable…). Pages, APIs and webhooks each translate
/// it; the services never build HTTP answers.
/// </summary>
public sealed record Outcome<T>
{
    public T? Value { get; private init; }
    public FieldErrors? Errors { get; private init; }
    public IdentifierError? Refusal { get; private init; }
    public int RefusalStatus { get; private init; }
    /// <summary>What the person can do about a refusal, when there is more to say than its reason.</summary>
    public IdentifierError? RefusalDetail { get; private init; }
    /// <summary>Facts a client needs to recover from the refusal (e.g. the current version after a concurrent change).</summary>
    public IReadOnlyDictionary<string, object?>? RefusalFacts { get; private init; }
    public bool Missing { get; private init; }

    public bool Succeeded => !Missing && Errors is null && Refusal is null;

    public static Outcome<T> Done(T value) => new() { Value = value };
    public static Outcome<T> NotFound() => new() { Missing = true };
    public static Outcome<T> Invalid(FieldErrors errors) => new() { Errors = errors };

    /// <summary>Refused as a whole: 409 when the thing's state forbids it, 403 when the person may not do it yet.</summary>
    public static Outcome<T> Refused(string italian, string english, int status = StatusCodes.Status409Conflict) =>
        new() { Refusal = new IdentifierError(italian, english), RefusalStatus = status };

    /// <summary>Refused because the thing changed since the caller read it: reason, what to do, and the facts to do it with.</summary>
    public static Outcome<T> Refused(IdentifierError reason, IdentifierError detail, IReadOnlyDictionary<string, object?> facts,
        int status = StatusCodes.Status409Conflict) =>
        new() { Refusal = reason, RefusalDetail = detail, RefusalFacts = facts, RefusalStatus = status };

    public Outcome<TOther> Map<TOther>(Func<T, TOther> map) => Succeeded
        ? Outcome<TOther>.Done(map(Value!))
        : new Outcome<TOther>().With(this);

    /// <summary>The same failure, for a caller that returns another type.</summary>
    public Outcome<TOther> As<TOther>() => new Outcome<TOther>().With(this);

    internal Outcome<T> With<TOther>(Outcome<TOther> other) =>
        this with
        {
            Errors = other.Errors, Refusal = other.Refusal, RefusalStatus = other.RefusalStatus, RefusalDetail = other.RefusalDetail,
            RefusalFacts = other.RefusalFacts, Missing = other.Missing,
        };

    /// <summary>The message of a failed outcome, in the request's language.</summary>
    public string Message => Refusal?.For(Lang.Code)
                             ?? (Errors is { } e ? string.Join(" ", e.ToDictionary().SelectMany(kv => kv.Value)) : null)
                             ?? Lang.T("Non trovato.", "Not found.");

    public Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToHttp() => ToHttp(v => TypedResults.Ok(v));

    public Results<TOk, ValidationProblem, ProblemHttpResult> ToHttp<TOk>(Func<T, TOk> ok) where TOk : IResult
    {
        if (Missing) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Lang.T("Non trovato.", "Not found."));
        if (Errors is { } errors) return TypedResults.ValidationProblem(errors.ToDictionary(), title: Lang.T("Alcuni dati non sono validi.", "Some data is not valid."));
        if (Refusal is { } refusal)
            return TypedResults.Problem(statusCode: RefusalStatus, title: refusal.For(Lang.Code), detail: RefusalDetail?.For(Lang.Code),
                extensions: RefusalFacts);
        return ok(Value!);
    }
}
