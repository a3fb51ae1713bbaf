using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace EmployerWorkflows.Runtime.Expressions;

/// <summary>
/// Runs definition expressions with Jint in strict mode, under <see cref="ExpressionLimits"/>, with interop
/// disabled: scripts see only plain JavaScript values built from JSON, never a .NET object.
/// </summary>
/// <remarks>
/// An expression is a script whose completion value is the result, so both <c>vars.amount &gt; 100</c> and
/// <c>let n = vars.items.length; n &gt; 0</c> work. Parsed scripts are cached by text. Each evaluation gets a
/// fresh engine: a pooled one would keep globals, prototypes and <c>let</c> bindings that earlier scripts
/// changed, letting one definition influence another.
/// </remarks>
public sealed class JintExpressionEvaluator : IExpressionEvaluator
{
    // Definitions hold a bounded set of expressions; the cap only protects against a caller that
    // evaluates generated text, by starting over rather than growing without end.
    private const int MaxCachedScripts = 10_000;

    private readonly ExpressionLimits _limits;
    private readonly ConcurrentDictionary<string, CompiledExpression> _cache = new(StringComparer.Ordinal);

    public JintExpressionEvaluator(ExpressionLimits? limits = null)
    {
        _limits = limits ?? ExpressionLimits.Default;
    }

    /// <inheritdoc />
    public bool EvaluateGuard(string expression, ExpressionScope scope)
    {
        var result = Run(expression, scope, static (_, value) => value);
        if (result.IsBoolean())
        {
            return result.AsBoolean();
        }

        throw new ExpressionException(
            ExpressionFailure.WrongType,
            expression,
            $"The guard must return true or false but returned {Describe(result)}. Compare explicitly, e.g. `vars.amount > 0`.");
    }

    /// <inheritdoc />
    public JsonNode? Evaluate(string expression, ExpressionScope scope) =>
        Run(expression, scope, (engine, value) => ToJson(engine, expression, value, _limits.MaxResultChars));

    /// <inheritdoc />
    public string? CompileError(string expression) => Compile(expression).Error;

    private T Run<T>(string expression, ExpressionScope scope, Func<Engine, JsValue, T> convert)
    {
        var compiled = Compile(expression);
        if (compiled.Error is not null)
        {
            throw new ExpressionException(ExpressionFailure.Syntax, expression, $"Syntax error: {compiled.Error}");
        }

        try
        {
            var engine = CreateEngine(scope.Now);
            var parser = new JsonParser(engine);
            engine.SetValue("vars", parser.Parse(scope.Variables.ToJsonString()));
            engine.SetValue("payload", scope.Payload is null ? JsValue.Null : parser.Parse(scope.Payload.ToJsonString()));
            engine.SetValue("actor", parser.Parse(ScopeJson.Actor(scope.Actor).ToJsonString()));
            engine.SetValue("now", ScopeJson.Now(scope.Now));
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var value = engine.Evaluate(compiled.Script);

            // Jint checks memory between statements, so one built-in call such as 'x'.repeat(5e7) in the
            // last statement can overshoot unnoticed; measure the whole evaluation once more.
            if (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore > _limits.MemoryBytes)
            {
                throw new MemoryLimitExceededException("The evaluation allocated more than its memory limit.");
            }

            return convert(engine, value);
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (Exception ex) when (Classify(ex) is { } failure)
        {
            throw new ExpressionException(failure.Kind, expression, failure.Message, ex);
        }
    }

    private Engine CreateEngine(DateTimeOffset now) => new(options =>
    {
        options.Strict();
        options.TimeSystem = new ScopeTimeSystem(now);
        options.Interop.Enabled = false;
        options.Host.StringCompilationAllowed = false; // no eval / new Function: only the reviewed text runs
        options.TimeoutInterval(_limits.Timeout);
        options.LimitMemory(_limits.MemoryBytes);
        options.LimitRecursion(_limits.RecursionDepth);
        options.MaxStatements(_limits.MaxStatements);
        options.Constraints.RegexTimeout = _limits.Timeout;
    });

    private CompiledExpression Compile(string expression)
    {
        if (_cache.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        if (_cache.Count >= MaxCachedScripts)
        {
            _cache.Clear();
        }

        return _cache.GetOrAdd(expression, static text => CompiledExpression.From(text));
    }

    private static JsonNode? ToJson(Engine engine, string expression, JsValue value, int maxChars)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        if (value is Jint.Native.Function.Function || value.IsSymbol())
        {
            throw new ExpressionException(
                ExpressionFailure.WrongType,
                expression,
                $"The expression must return a JSON value (string, number, boolean, object, array or null) but returned {Describe(value)}.");
        }

        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        if (!json.IsString())
            return null;
        var text = json.AsString();
        if (text.Length > maxChars)
        {
            throw new ExpressionException(ExpressionFailure.Output, expression,
                $"Il risultato dell'espressione supera {maxChars} caratteri: salva solo i dati che servono alla pratica. / The expression's result is longer than {maxChars} characters; keep only what the procedure needs.");
        }
        return JsonNode.Parse(text);
    }

    private static string Describe(JsValue value)
    {
        if (value.IsUndefined()) return "undefined";
        if (value.IsNull()) return "null";
        if (value.IsString()) return $"the string \"{Truncate(value.AsString())}\"";
        if (value.IsNumber()) return $"the number {value}";
        if (value.IsArray()) return "an array";
        if (value is Jint.Native.Function.Function) return "a function";
        return value.IsObject() ? "an object" : value.Type.ToString().ToLowerInvariant();
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static (ExpressionFailure Kind, string Message)? Classify(Exception ex) => ex switch
    {
        // Limits are what designers hit: each message says what to look for, in Italian and English, since operators read it in either.
        TimeoutException => (ExpressionFailure.Timeout, "L'espressione ha superato il tempo massimo: cerca un ciclo che non finisce. / The expression ran past its time limit; look for a loop that never ends."),
        ExecutionCanceledException => (ExpressionFailure.Timeout, "L'espressione è stata interrotta prima della fine. / The expression was cancelled before it finished."),
        StatementsCountOverflowException => (ExpressionFailure.Timeout, "L'espressione ha eseguito troppe istruzioni: cerca un ciclo che non finisce. / The expression executed too many statements; look for a loop that never ends."),
        MemoryLimitExceededException => (ExpressionFailure.Memory, "L'espressione ha usato più memoria del consentito: evita di costruire stringhe o elenchi enormi. / The expression allocated more memory than allowed; avoid building large strings or arrays."),
        RecursionDepthOverflowException or InsufficientExecutionStackException => (ExpressionFailure.Recursion, "L'espressione annida chiamate troppo in profondità: cerca una ricorsione senza fine. / The expression called functions too deeply; look for recursion without an end."),
        JavaScriptException js => (ExpressionFailure.Runtime, $"JavaScript error: {js.Message}"),
        JintException or JsonException or InvalidOperationException or ArgumentException =>
            (ExpressionFailure.Runtime, $"The expression failed: {ex.Message}"),
        _ => null,
    };

    private sealed record CompiledExpression(Prepared<Script> Script, string? Error)
    {
        public static CompiledExpression From(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return new CompiledExpression(default, "The expression is empty.");
            }

            try
            {
                return new CompiledExpression(Engine.PrepareScript(text, source: null, strict: true), null);
            }
            catch (Exception ex) when (ex is ScriptPreparationException or Acornima.ParseErrorException)
            {
                return new CompiledExpression(default, (ex.InnerException ?? ex).Message);
            }
        }
    }
}
