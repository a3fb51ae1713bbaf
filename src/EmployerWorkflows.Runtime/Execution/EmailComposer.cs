using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Templates;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Renders a template once per recipient, in the recipient's language, and queues it in the transition's outbox.
/// Templates see the instance variables at top level (<c>{{ company.name }}</c>), plus <c>recipient</c> (email,
/// name, language, userId), <c>instance</c> (id, definitionId, state, companyId) and <c>now</c>, which take
/// precedence over variables of the same names. A recipient with a user id is written to in the language that
/// person uses now (<see cref="IRecipientLanguages"/>), not the one copied with them into the variables.
/// </summary>
public sealed class EmailComposer(ValueExpressions expressions, IEmailTemplateRenderer renderer, IEnumerable<IRecipientLanguages> languages,
    IEnumerable<IEmailLinks> links)
{
    internal async Task QueueAsync(
        TransitionContext context, string template, string to, IReadOnlyList<string> attachments, CancellationToken cancellationToken)
    {
        var recipients = Recipient.Parse(expressions.Evaluate(to, context.Scope()), to);
        var documents = attachments.Count == 0 ? [] : await LoadAttachmentsAsync(context, attachments, cancellationToken);
        foreach (var listed in recipients)
        {
            var recipient = await CurrentLanguageAsync(context, listed, cancellationToken);
            var rendered = WithLink(renderer.Render(template, recipient.Language, Model(context, recipient)), context.Instance.Id, recipient.Language);
            var message = new OutboxMessage
            {
                Id = Guid.CreateVersion7(context.Now),
                To = recipient.Email,
                ToName = recipient.Name,
                Subject = rendered.Subject,
                TextBody = rendered.TextBody,
                HtmlBody = rendered.HtmlBody,
                Language = recipient.Language,
                InstanceId = context.Instance.Id,
                CompanyId = context.Instance.CompanyId,
                RecipientUserId = recipient.UserId,
                Template = template,
                Attachments = documents.Select(d => new OutboxAttachment
                {
                    FileName = d.FileName,
                    ContentType = d.ContentType,
                    Content = d.Content,
                }).ToList(),
            };
            OutboxQueue.Enqueue(context.Db, message, context.Now);
        }
    }

    private RenderedEmail WithLink(RenderedEmail email, Guid instanceId, string language)
    {
        if (links.Select(l => l.For(instanceId, language)).FirstOrDefault(l => l is not null) is not { } link) return email;
        var html = System.Net.WebUtility.HtmlEncode(link.Url);
        return email with
        {
            TextBody = $"{email.TextBody.TrimEnd()}\n\n{link.Label}: {link.Url}\n",
            HtmlBody = email.HtmlBody is null ? null : $"{email.HtmlBody}<p><a href=\"{html}\">{System.Net.WebUtility.HtmlEncode(link.Label)}</a></p>",
        };
    }

    private async Task<Recipient> CurrentLanguageAsync(TransitionContext context, Recipient recipient, CancellationToken cancellationToken)
    {
        if (recipient.UserId is not { } userId) return recipient;
        foreach (var source in languages)
            if (await source.LanguageOfAsync(context.Db, userId, cancellationToken) is { } language)
                return recipient with { Language = language };
        return recipient;
    }

    private static JsonObject Model(TransitionContext context, Recipient recipient)
    {
        var model = (JsonObject)context.Variables.DeepClone();
        model["recipient"] = recipient.ToJson();
        model["instance"] = new JsonObject
        {
            ["id"] = context.Instance.Id.ToString(),
            ["definitionId"] = context.Instance.DefinitionId,
            ["state"] = context.Instance.State,
            ["companyId"] = context.Instance.CompanyId?.ToString(),
        };
        model["now"] = context.Now.ToString("O");
        return model;
    }

    private async Task<List<InstanceDocument>> LoadAttachmentsAsync(
        TransitionContext context, IReadOnlyList<string> expressionsOfNames, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var expression in expressionsOfNames)
        {
            var value = expressions.Evaluate(expression, context.Scope());
            IEnumerable<JsonNode?> items = value is JsonArray array ? array : [value];
            foreach (var item in items)
            {
                if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    names.Add(v.GetValue<string>());
                else
                    throw new InvalidOperationException(
                        $"Attachment expression '{expression}' gave {item?.ToJsonString() ?? "null"}; expected a document name.");
            }
        }
        // A document is named by its name or, as a file field's value, by its id.
        var instanceId = context.Instance.Id;
        var ids = names.Select(n => Guid.TryParse(n, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var documents = await context.Db.Set<InstanceDocument>().AsNoTracking()
            .Where(d => d.InstanceId == instanceId && (names.Contains(d.Name) || ids.Contains(d.Id)))
            .ToListAsync(cancellationToken);
        // Uploaded in this very step (a page that stores the file and fires at once) and not saved yet.
        documents.AddRange(context.Db.ChangeTracker.Entries<InstanceDocument>()
            .Where(e => e.State == EntityState.Added && e.Entity.InstanceId == instanceId && (names.Contains(e.Entity.Name) || ids.Contains(e.Entity.Id)))
            .Select(e => e.Entity));
        var missing = names.Where(n => documents.All(d => d.Name != n && !(Guid.TryParse(n, out var id) && id == d.Id))).ToList();
        return missing.Count == 0
            ? documents
            : throw new InvalidOperationException($"Attachments not found on the instance: {string.Join(", ", missing)}.");
    }
}
