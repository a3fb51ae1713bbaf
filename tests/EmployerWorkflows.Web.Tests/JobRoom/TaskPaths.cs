using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>The generic ways to fire a step: the task API (with its upload route) and the task page, as a browser posts it.</summary>
internal static partial class TaskPaths
{
    /// <summary>The caller's open task of a procedure, with the instance version it saw.</summary>
    public static async Task<(Guid TaskId, long Version)> OpenTaskAsync(HttpClient client, Guid instanceId)
    {
        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks?limit=200");
        var task = tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("instanceId").GetGuid() == instanceId);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{task.GetProperty("id").GetGuid()}");
        return (task.GetProperty("id").GetGuid(), detail.GetProperty("instanceVersion").GetInt64());
    }

    public static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid instanceId, string action, JsonObject? payload)
    {
        var (taskId, version) = await OpenTaskAsync(client, instanceId);
        return await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { action, payload, expectedVersion = version });
    }

    /// <summary>Uploads a file for the task's file field; returns the document id to complete the task with.</summary>
    public static async Task<string> UploadAsync(HttpClient client, Guid instanceId, string field, byte[] content, string fileName)
    {
        var (taskId, _) = await OpenTaskAsync(client, instanceId);
        var response = await client.PostAsync($"/api/tasks/{taskId}/documents",
            new MultipartFormDataContent { { new ByteArrayContent(content), field, fileName } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Posts the task page's form with the chosen action, as the browser does (multipart, anti-forgery token).</summary>
    public static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, Guid instanceId, string action,
        Dictionary<string, string>? fields = null, (string Field, byte[] Content, string FileName)? file = null)
    {
        var (taskId, version) = await OpenTaskAsync(client, instanceId);
        var html = await client.GetStringAsync($"/tasks/{taskId}");
        var form = new MultipartFormDataContent
        {
            { new StringContent(AntiForgery().Match(html).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(action), "action" },
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "expectedVersion" },
        };
        foreach (var (name, value) in fields ?? []) form.Add(new StringContent(value), name);
        if (file is { } f) form.Add(new ByteArrayContent(f.Content), f.Field, f.FileName);
        return await client.PostAsync($"/tasks/{taskId}", form);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("errors");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
