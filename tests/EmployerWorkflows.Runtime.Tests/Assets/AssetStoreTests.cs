using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Tests.Support;

namespace EmployerWorkflows.Runtime.Tests.Assets;

public sealed class AssetStoreTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly AssetNode _a;
    private readonly AssetNode _b;

    public AssetStoreTests()
    {
        var files = AssetNode.ShipFiles(Path.Combine(_database.Folder, "workflows"));
        _a = new AssetNode(files, _database);
        _b = new AssetNode(files, _database);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SavedTemplate_IsInForceAtOnceOnTheSavingNode_AndOnOthersAfterTheirReload()
    {
        var greeting = AssetKey.Template("greeting", "it");

        var saved = await _a.Store.SaveAsync(greeting, "subject: Ciao {{ name }}\n---\nBenvenuto.", 0, "designer-1");

        Assert.Equal((1, true), (saved.Revision, saved.IsSaved));
        Assert.Equal("subject: Ciao {{ name }}\n---\nBenvenuto.", _a.Templates.GetSource("greeting", "en"));
        Assert.Equal(AssetNode.ShippedGreeting, _b.Templates.GetSource("greeting", "it"));
        await _b.Store.ReloadAsync();
        Assert.Equal("subject: Ciao {{ name }}\n---\nBenvenuto.", _b.Templates.GetSource("greeting", "it"));

        var restored = await _b.Store.RestoreFileAsync(greeting, 1, "designer-2");
        await _a.Store.ReloadAsync();

        Assert.Equal((2, false), (restored.Revision, restored.IsSaved));
        Assert.Equal(AssetNode.ShippedGreeting, _a.Templates.GetSource("greeting", "it"));
        Assert.Equal([2, 1], (await _a.Store.HistoryAsync(greeting)).Select(h => h.Revision));
    }

    [Fact]
    public async Task TwoSavesOnTheSameRevision_KeepTheFirst_AndRefuseTheSecond()
    {
        var greeting = AssetKey.Template("greeting", "it");
        await _a.Store.SaveAsync(greeting, "subject: Uno\n---\nPrimo.", 0, "designer-1");

        var conflict = await Assert.ThrowsAsync<AssetConflictException>(() =>
            _b.Store.SaveAsync(greeting, "subject: Due\n---\nSecondo.", 0, "designer-2"));

        Assert.Equal(1, conflict.CurrentRevision);
        Assert.Equal("subject: Uno\n---\nPrimo.", (await _b.Store.GetAsync(greeting)).Source);
    }

    [Fact]
    public async Task RaceOfSaves_OnlyOneWins()
    {
        await ConcurrentSaves.OnlyOneWinsAsync(_a, _b);
    }

    [Fact]
    public async Task NewTemplate_NeedsItalianBeforeEnglish_AndCannotBeRestoredToAFile()
    {
        var english = AssetKey.Template("farewell", "en");
        var refused = await Assert.ThrowsAsync<AssetInvalidException>(() => _a.Store.SaveAsync(english, "subject: Bye\n---\nBye.", 0, null));
        Assert.Equal("italian-first", Assert.Single(refused.Errors).Code);

        await _a.Store.SaveAsync(AssetKey.Template("farewell", "it"), "subject: Ciao\n---\nA presto.", 0, null);
        await _a.Store.SaveAsync(english, "subject: Bye\n---\nSee you.", 0, null);

        Assert.Equal(["farewell", "greeting"], _a.Templates.Names());
        var noFile = await Assert.ThrowsAsync<AssetInvalidException>(() => _a.Store.RestoreFileAsync(AssetKey.Template("farewell", "it"), 1, null));
        Assert.Equal("no-shipped-file", Assert.Single(noFile.Errors).Code);
        Assert.True(_a.Templates.Exists("farewell"));
    }

    [Fact]
    public async Task SavedForm_ReplacesTheShippedOne_OnlyWhenItParsesAndKeepsItsId()
    {
        var contact = AssetKey.Form("contact");

        var renamed = await Assert.ThrowsAsync<AssetInvalidException>(() => _a.Store.SaveAsync(contact, AssetNode.Form("other", "Cellulare"), 0, null));
        Assert.Equal("form-id-mismatch", Assert.Single(renamed.Errors).Code);
        await Assert.ThrowsAsync<AssetInvalidException>(() => _a.Store.SaveAsync(contact, "{ \"id\": \"contact\" }", 0, null));
        Assert.Equal("Telefono", _a.Forms.Get("contact")!.Fields[0].Label.It);

        await _a.Store.SaveAsync(contact, AssetNode.Form("contact", "Cellulare"), 0, null);
        await _a.Store.SaveAsync(AssetKey.Form("callback"), AssetNode.Form("callback", "Richiamami"), 0, null);

        Assert.Equal("Cellulare", _a.Forms.Get("contact")!.Fields[0].Label.It);
        Assert.True(_a.Forms.Exists("callback"));
        Assert.Empty(_a.Forms.Problems);
    }
}
