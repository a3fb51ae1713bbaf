using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using EmployerWorkflows.Runtime.Versions;

namespace EmployerWorkflows.Runtime.Tests.Versions;

public sealed class DefinitionStoreTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly RuntimeHost _host;

    public DefinitionStoreTests() => _host = new RuntimeHost(_database);

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task SaveDraft_ThrowsConflict_WhenExpectedRevisionIsStale()
    {
        var first = await _host.Store.SaveDraftAsync("review", TestDefinitions.Review, null, "anna");
        await _host.Store.SaveDraftAsync("review", TestDefinitions.Review + " ", first.Revision, "bruno");

        var error = await Assert.ThrowsAsync<DraftConflictException>(() =>
            _host.Store.SaveDraftAsync("review", TestDefinitions.Review, first.Revision, "anna"));

        Assert.Equal(2, error.CurrentRevision);
    }

    [Fact]
    public async Task Publish_RejectsDraftWithErrors_WhenValidatorReportsProblems()
    {
        var invalid = TestDefinitions.Review.Replace("\"to\": \"Expired\" }", "\"to\": \"Nowhere\" }");
        await _host.Store.SaveDraftAsync("review", invalid, null, "anna");

        var error = await Assert.ThrowsAsync<DefinitionInvalidException>(() => _host.Store.PublishAsync("review", "anna"));

        Assert.NotEmpty(error.Errors);
        Assert.DoesNotContain(await _host.Store.ListAsync("review"), v => v.Status == DefinitionStatus.Published);
    }

    [Fact]
    public async Task Publish_IncrementsVersion_WhenPublishedTwice()
    {
        var first = await _host.PublishAsync(TestDefinitions.Review);
        var second = await _host.PublishAsync(TestDefinitions.Review.Replace("P5D", "P7D"));

        Assert.Equal((1, 2), (first, second));
        Assert.Equal(2, (await _host.Store.GetLatestAsync("review")).Version);
    }

    [Fact]
    public async Task GetLatest_SkipsRetiredVersion_WhenNewestIsRetired()
    {
        await _host.PublishAsync(TestDefinitions.Review);
        await _host.PublishAsync(TestDefinitions.Review.Replace("P5D", "P7D"));

        await _host.Store.RetireAsync("review", 2);

        Assert.Equal(1, (await _host.Store.GetLatestAsync("review")).Version);
    }

    [Fact]
    public async Task Get_ReturnsSameParsedInstance_WhenAskedTwice()
    {
        await _host.PublishAsync(TestDefinitions.Review);

        var first = await _host.Store.GetAsync("review", 1);
        var second = await _host.Store.GetAsync("review", 1);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task ImportDirectory_AddsVersionOnlyWhenContentChanged_AndReportsInvalidFiles()
    {
        var folder = Path.Combine(_database.Folder, "workflows");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "review.workflow.json"), TestDefinitions.Review);
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.workflow.json"), "{ \"id\": \"broken\", ");

        var first = await _host.Store.ImportDirectoryAsync(folder);
        var unchanged = await _host.Store.ImportDirectoryAsync(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "review.workflow.json"), TestDefinitions.Review.Replace("P10D", "P12D"));
        var changed = await _host.Store.ImportDirectoryAsync(folder);

        Assert.Equal(1, Assert.Single(first.Imported).Version);
        Assert.EndsWith("broken.workflow.json", Assert.Single(first.Failed).File);
        Assert.Empty(unchanged.Imported);
        Assert.Single(unchanged.Unchanged);
        Assert.Equal(2, Assert.Single(changed.Imported).Version);
    }
}
