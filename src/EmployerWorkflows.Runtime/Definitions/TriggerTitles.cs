using System.Text;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// What people read for a trigger or a state: the title the definition gives, else a readable form of the name.
/// Definitions written before transitions had titles stay readable, and nobody is shown a camelCase id.
/// </summary>
public static class TriggerTitles
{
    /// <summary>
    /// The title of <paramref name="trigger"/>: the first titled alternative leaving <paramref name="fromState"/>,
    /// else the first titled transition of that trigger anywhere in the definition, else <see cref="Humanise"/>.
    /// </summary>
    public static LocalizedText TriggerTitle(this WorkflowDefinition definition, string trigger, string? fromState = null)
    {
        var leaving = fromState is not null && definition.States.TryGetValue(fromState, out var state)
            ? Titled(state, trigger)
            : null;
        return leaving
               ?? definition.States.Values.Select(s => Titled(s, trigger)).FirstOrDefault(t => t is not null)
               ?? Humanise(trigger);
    }

    /// <summary>The state's title, else <see cref="Humanise"/> of its name.</summary>
    public static LocalizedText StateTitle(this WorkflowDefinition definition, string state) =>
        definition.States.TryGetValue(state, out var s) && s.Title is { } title ? title : Humanise(state);

    /// <summary>
    /// A name split into words with only the first capitalised: <c>requestIntegration</c> reads
    /// "Request integration", <c>UnderReview</c> "Under review". The same text serves both languages.
    /// </summary>
    public static LocalizedText Humanise(string name)
    {
        var words = Words(name).Select(w => w.Length > 1 && w.All(char.IsUpper) ? w : w.ToLowerInvariant()).ToList();
        if (words.Count == 0) return new LocalizedText(name, name);
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        var readable = string.Join(' ', words);
        return new LocalizedText(readable, readable);
    }

    // Splits at separators and at case changes; a run of capitals (UID, KAE) stays one word.
    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var separator = !char.IsLetterOrDigit(c);
            var boundary = word.Length > 0 && char.IsUpper(c)
                && (!char.IsUpper(name[i - 1]) || i + 1 < name.Length && char.IsLower(name[i + 1]));
            if ((separator || boundary) && word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }

            if (!separator) word.Append(c);
        }

        if (word.Length > 0) yield return word.ToString();
    }

    private static LocalizedText? Titled(StateDefinition state, string trigger) =>
        state.On.TryGetValue(trigger, out var alternatives) ? alternatives.Select(t => t.Title).FirstOrDefault(t => t is not null) : null;
}
