using System.Text;

namespace EmployerWorkflows.Runtime.Templates;

/// <summary>Collects a render's output and stops it as soon as it passes the limit, instead of after building it whole.</summary>
internal sealed class CappedWriter(TemplateLimits limits) : StringWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        Ensure(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Ensure(count);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Ensure(buffer.Length);
        base.Write(buffer);
    }

    public override void Write(string? value)
    {
        Ensure(value?.Length ?? 0);
        base.Write(value);
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    private void Ensure(int more)
    {
        if ((long)GetStringBuilder().Length + more > limits.MaxOutputChars)
            throw TemplateGuards.TooLong(limits);
    }
}
