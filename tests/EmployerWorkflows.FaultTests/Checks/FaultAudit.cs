using EmployerWorkflows.FaultTests.Load;
using MimeKit;

namespace EmployerWorkflows.FaultTests.Checks;

/// <summary>
/// The promises checked after a run, each returning the broken cases (empty when it holds), so that a failure
/// names every instance, timer or message concerned.
/// </summary>
public static class FaultAudit
{
    /// <summary>Every accepted registration stored once, with one review procedure.</summary>
    public static IEnumerable<string> RegistrationsOnce(StoreSnapshot store, Ledger ledger)
    {
        var companies = store.Companies.ToLookup(c => c.CodiceFiscale);
        var procedures = store.Instances.Where(i => i.DefinitionId == "company-registration").ToLookup(i => i.CompanyId);
        foreach (var cf in ledger.Registrations)
        {
            var stored = companies[cf].ToList();
            if (stored.Count != 1)
                yield return $"company {cf}: accepted once, stored {stored.Count} times";
            else if (procedures[stored[0].Id].Count() != 1)
                yield return $"company {cf}: {procedures[stored[0].Id].Count()} review procedures";
        }
    }

    /// <summary>Every accepted task completion journaled once as its transition.</summary>
    public static IEnumerable<string> CompletionsOnce(StoreSnapshot store, Ledger ledger)
    {
        var transitions = store.Transitions.ToLookup(t => (t.InstanceId, t.Trigger));
        return ledger.Completions.Distinct()
            .Select(c => (c, Count: transitions[(c.InstanceId, c.Action)].Count()))
            .Where(x => x.Count != 1)
            .Select(x => $"instance {x.c.InstanceId}: {x.c.Action} accepted, journaled {x.Count} times");
    }

    /// <summary>
    /// No transition twice: each instance's version (1 at start, +1 per transition) matches its journaled
    /// transitions, and no step from a state with a trigger is journaled twice.
    /// </summary>
    public static IEnumerable<string> TransitionsMatchVersions(StoreSnapshot store)
    {
        var transitions = store.Transitions.ToLookup(t => t.InstanceId);
        foreach (var instance in store.Instances)
        {
            var journaled = transitions[instance.Id].ToList();
            if (journaled.Count != instance.Version - 1)
                yield return $"instance {instance.Id}: version {instance.Version}, {journaled.Count} journaled transitions";
            foreach (var twice in journaled.GroupBy(t => (t.Trigger, t.FromState)).Where(g => g.Count() > 1))
                yield return $"instance {instance.Id}: {twice.Key.Trigger} from {twice.Key.FromState} journaled {twice.Count()} times";
        }
    }

    /// <summary>
    /// Every integration deadline that fell due fired exactly once: one Fired timer row, one <c>expire</c>
    /// transition, the procedure closed as Expired.
    /// </summary>
    public static IEnumerable<string> DeadlinesFiredOnce(StoreSnapshot store)
    {
        var transitions = store.Transitions.ToLookup(t => t.InstanceId);
        var timers = store.Timers.Where(t => t.Kind == StoreSnapshot.DeadlineKind && t.Trigger == "expire").ToLookup(t => t.InstanceId);
        foreach (var instance in store.Instances.Where(i => transitions[i.Id].Any(t => t.Trigger == "requestIntegration")))
        {
            var fired = timers[instance.Id].Count(t => t.Status == StoreSnapshot.Fired);
            var pending = timers[instance.Id].Count(t => t.Status == 0);
            var expired = transitions[instance.Id].Count(t => t.Trigger == "expire");
            if (fired != 1 || pending != 0 || expired != 1 || instance.State != "Expired")
                yield return $"instance {instance.Id}: deadline rows fired {fired}, pending {pending}; expire journaled {expired}; state {instance.State}";
        }
    }

    /// <summary>Every queued email sent, and on the SMTP server exactly once by Message-Id; nothing there that was not queued.</summary>
    public static IEnumerable<string> EmailsOnce(StoreSnapshot store, IReadOnlyList<Arrival> received) =>
        EmailsDelivered(store, received, kills: []);

    /// <summary>
    /// Like <see cref="EmailsOnce"/>, except that a message may arrive twice when the node sending it was killed
    /// after the server had accepted it and before the node could record that (a kill between the two copies).
    /// SMTP has no way to ask the server whether it already has a message; the stable Message-Id lets the receiver
    /// recognise the copy. A second copy with no kill in between is a defect. The server stores a message a moment
    /// after the client handed it over, so a kill up to <see cref="StoreLag"/> before the first copy's arrival counts.
    /// </summary>
    public static IEnumerable<string> EmailsDelivered(StoreSnapshot store, IReadOnlyList<Arrival> received, IReadOnlyList<DateTimeOffset> kills)
    {
        var arrived = received.ToLookup(a => a.MessageId);
        foreach (var email in store.Emails)
        {
            if (email.Status != StoreSnapshot.Sent)
                yield return $"email {email.MessageId} to {email.To}: status {email.Status} after {email.Attempts} attempts";
            var copies = arrived[email.MessageId].OrderBy(a => a.At).ToList();
            if (copies.Count == 0)
                yield return $"email {email.MessageId} to {email.To}: never arrived";
            for (var i = 1; i < copies.Count; i++)
            {
                var (first, again) = (copies[i - 1].At, copies[i].At);
                if (!kills.Any(kill => kill >= first - StoreLag && kill <= again))
                    yield return $"email {email.MessageId} to {email.To}: arrived again at {again:HH:mm:ss.fff} "
                                 + $"(first {first:HH:mm:ss.fff}) with no kill in between (kills at "
                                 + $"{string.Join(", ", kills.Select(k => k.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))})";
            }
        }
        var queued = store.Emails.Select(e => e.MessageId).ToHashSet();
        foreach (var stranger in arrived.Select(g => g.Key).Where(id => !queued.Contains(id)))
            yield return $"email {stranger} arrived but was never queued";
    }

    /// <summary>How long after a client sent a message's last byte the server may store it, on a loaded machine.</summary>
    public static readonly TimeSpan StoreLag = TimeSpan.FromSeconds(5);

    /// <summary>Messages that arrived more than once (re-sent after a kill cut their recording).</summary>
    public static int Resent(IReadOnlyList<Arrival> received) => received.GroupBy(a => a.MessageId).Sum(g => g.Count() - 1);
}
