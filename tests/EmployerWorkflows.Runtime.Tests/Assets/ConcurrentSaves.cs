using EmployerWorkflows.Runtime.Assets;

namespace EmployerWorkflows.Runtime.Tests.Assets;

/// <summary>Two nodes save the same asset on the same revision at the same moment.</summary>
public static class ConcurrentSaves
{
    public static async Task OnlyOneWinsAsync(AssetNode a, AssetNode b)
    {
        var key = AssetKey.Template("greeting", "it");
        var outcomes = await Task.WhenAll(
            Attempt(a, key, "subject: A\n---\nDa A."),
            Attempt(b, key, "subject: B\n---\nDa B."));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Single(outcomes, o => o is null);
        var state = await a.Store.GetAsync(key);
        Assert.Equal((1, winner), (state.Revision, state.Source));
    }

    /// <summary>The text saved, or null when the save was refused as a conflict.</summary>
    private static async Task<string?> Attempt(AssetNode node, AssetKey key, string text)
    {
        await Task.Yield();
        try
        {
            await node.Store.SaveAsync(key, text, 0, null);
            return text;
        }
        catch (AssetConflictException)
        {
            return null;
        }
    }
}
