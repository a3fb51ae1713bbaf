// "Try it": drives the sandbox API (/api/sandbox) for one definition and shows what the run would do.
// Nothing typed is ever cleared on a refusal: problems go to the alert region and next to the field concerned.
(function () {
    'use strict';
    var root = document.getElementById('sandbox');
    if (!root) return;

    var english = document.documentElement.lang === 'en';
    function t(italian, englishText) { return english ? englishText : italian; }
    function $(id) { return document.getElementById(id); }

    var definitionJson = $('definition-json').textContent;
    var definition = parseOrNull(definitionJson) || {};
    var sessionId = null;
    var busy = false;
    var diagramCount = 0;

    if (window.mermaid) window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });

    function parseOrNull(text) {
        try { return JSON.parse(text); } catch (e) { return null; }
    }

    // ---- talking to the API ----

    // Changes made with the login cookie carry the page's anti-forgery token, or the server refuses them.
    function antiforgeryHeaders(headers) {
        var meta = document.querySelector('meta[name="request-verification-token"]');
        headers['X-CSRF-TOKEN'] = meta ? meta.content : '';
        return headers;
    }

    async function call(method, url, body) {
        var options = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json' } };
        if (method !== 'GET') antiforgeryHeaders(options.headers);
        if (body !== undefined) {
            options.headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(body);
        }
        var response;
        try {
            response = await fetch(url, options);
        } catch (e) {
            return { ok: false, status: 0, data: { title: t('Il server non risponde. Riprova.', 'The server does not answer. Try again.') } };
        }
        var text = await response.text();
        return { ok: response.ok, status: response.status, data: text ? parseOrNull(text) : null };
    }

    /** Runs one step with the buttons disabled, so a double click does not fire twice. */
    async function step(work) {
        if (busy) return;
        busy = true;
        root.setAttribute('aria-busy', 'true');
        setButtonsDisabled(true);
        try {
            await work();
        } finally {
            busy = false;
            root.removeAttribute('aria-busy');
            setButtonsDisabled(false);
        }
    }

    function setButtonsDisabled(disabled) {
        root.querySelectorAll('button').forEach(function (b) {
            if (b.id === 'sandbox-start' && root.dataset.invalid === 'true') return;
            b.disabled = disabled;
        });
    }

    // ---- messages ----

    function clearProblems() {
        var alert = $('sandbox-alert');
        alert.hidden = true;
        alert.textContent = '';
        ['variables', 'duration', 'payload', 'refusals'].forEach(function (field) { fieldError(field, null); });
    }

    /** Shows a problem+json answer (title, detail, errors) in the alert region. */
    function showProblem(result, fallback) {
        var problem = result.data || {};
        var alert = $('sandbox-alert');
        alert.textContent = '';
        var title = document.createElement('p');
        title.className = 'fw-bold mb-1';
        title.textContent = problem.title || fallback || t('La richiesta non è andata a buon fine.', 'The request did not succeed.');
        alert.appendChild(title);
        if (problem.detail) {
            var detail = document.createElement('p');
            detail.className = 'mb-1';
            detail.textContent = problem.detail;
            alert.appendChild(detail);
        }
        var lines = errorLines(problem.errors);
        if (lines.length > 0) {
            var list = document.createElement('ul');
            list.className = 'mb-0 problem-errors';
            lines.forEach(function (line) {
                var item = document.createElement('li');
                item.textContent = line;
                list.appendChild(item);
            });
            alert.appendChild(list);
        }
        alert.hidden = false;
        alert.focus();
    }

    // Errors come either as a list of definition errors ({path, message}) or as fields with their messages.
    function errorLines(errors) {
        if (!errors) return [];
        if (Array.isArray(errors)) return errors.map(function (e) { return (e.path ? e.path + ': ' : '') + (e.message || e); });
        return Object.keys(errors).map(function (field) { return (field ? field + ': ' : '') + [].concat(errors[field]).join(' '); });
    }

    function fieldError(field, message) {
        var input = $('sandbox-' + field);
        var error = $(field + '-error');
        error.textContent = message || '';
        error.hidden = !message;
        if (message) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    }

    function announce(text) {
        $('sandbox-status').textContent = text;
    }

    // ---- showing a snapshot ----

    function stateTitle(name) {
        var state = definition.states && definition.states[name];
        var title = state && state.title && (state.title[english ? 'en' : 'it'] || state.title.it);
        return title ? title + ' (' + name + ')' : name;
    }

    // A trigger's title from the document (the first titled alternative, leaving this state if possible);
    // untitled triggers read as words, e.g. requestIntegration → "Request integration".
    function triggerTitle(trigger, fromState) {
        var states = definition.states || {};
        var names = [fromState].concat(Object.keys(states));
        for (var i = 0; i < names.length; i++) {
            var on = states[names[i]] && states[names[i]].on && states[names[i]].on[trigger];
            var titled = [].concat(on || []).filter(function (t) { return t && t.title; })[0];
            if (titled) return titled.title[english ? 'en' : 'it'] || titled.title.it;
        }
        var words = String(trigger).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ').toLowerCase();
        return words.charAt(0).toUpperCase() + words.slice(1);
    }

    function when(value) {
        if (!value) return '';
        var d = new Date(value);
        function two(n) { return String(n).padStart(2, '0'); }
        return two(d.getDate()) + '/' + two(d.getMonth() + 1) + '/' + d.getFullYear() + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
    }

    function cell(row, text, tag) {
        var c = document.createElement(tag || 'td');
        c.textContent = text;
        row.appendChild(c);
        return c;
    }

    function fill(id, items, render, emptyText) {
        var container = $(id);
        container.textContent = '';
        if (items.length === 0 && emptyText) {
            var table = container.tagName === 'TBODY';
            var empty = document.createElement(table ? 'tr' : (container.tagName === 'UL' ? 'li' : 'p'));
            if (table) {
                var c = cell(empty, emptyText);
                c.colSpan = container.closest('table').querySelectorAll('thead th').length;
            } else {
                empty.textContent = emptyText;
            }
            empty.className = 'text-muted empty';
            container.appendChild(empty);
            return;
        }
        items.forEach(function (item) { container.appendChild(render(item)); });
    }

    async function show(snapshot) {
        sessionId = snapshot.sessionId;
        $('sandbox-setup').hidden = true;
        $('sandbox-run').hidden = false;
        var state = $('sandbox-state');
        state.textContent = stateTitle(snapshot.state);
        state.dataset.state = snapshot.state;
        $('sandbox-instance-status').textContent = statusText(snapshot.status);
        var clock = $('sandbox-clock');
        clock.textContent = when(snapshot.now);
        clock.dateTime = snapshot.now;
        showActions(snapshot);
        fill('sandbox-tasks', snapshot.openTasks, function (task) {
            var item = document.createElement('li');
            item.textContent = task.title + ' — ' + (task.assignee ? t('assegnata a ', 'assigned to ') + task.assignee : t('ruolo ', 'role ') + (task.role || '—'))
                + ' — ' + t('azioni: ', 'actions: ') + task.actions.join(', ') + (task.dueAt ? ' — ' + t('scadenza ', 'due ') + when(task.dueAt) : '');
            return item;
        }, t('Nessuna attività aperta.', 'No open task.'));
        fill('sandbox-timers', snapshot.pendingTimers, timerRow, t('Nessun timer in attesa.', 'No pending timer.'));
        fill('sandbox-emails', snapshot.emails, emailItem, t('Nessuna email finora.', 'No email so far.'));
        fill('sandbox-operations', snapshot.operationCalls, function (call) {
            var row = document.createElement('tr');
            cell(row, when(call.at));
            cell(row, call.operation);
            cell(row, JSON.stringify(call.inputs));
            return row;
        }, t('Nessuna operazione.', 'No operation.'));
        $('sandbox-incidents-section').hidden = snapshot.incidents.length === 0;
        fill('sandbox-incidents', snapshot.incidents, function (text) {
            var item = document.createElement('li');
            item.textContent = text;
            return item;
        });
        fill('sandbox-journal', snapshot.journal, function (entry) {
            var row = document.createElement('tr');
            cell(row, when(entry.at));
            cell(row, entry.actorName);
            cell(row, journalText(entry));
            return row;
        });
        $('sandbox-vars').textContent = JSON.stringify(parseOrNull(snapshot.variables), null, 2);
        await drawDiagram(snapshot.diagram);
    }

    function statusText(status) {
        return {
            Running: t('in corso', 'running'), Completed: t('conclusa', 'completed'),
            Faulted: t('ferma per errore', 'stopped by an error'), Cancelled: t('annullata', 'cancelled'),
        }[status] || status;
    }

    function journalText(entry) {
        if (entry.kind === 'Transition') return triggerTitle(entry.trigger, entry.fromState) + ': ' + stateTitle(entry.fromState) + ' → ' + stateTitle(entry.toState);
        if (entry.kind === 'Started') return t('Prova avviata', 'Run started') + (entry.toState ? ' (' + stateTitle(entry.toState) + ')' : '');
        return entry.summary;
    }

    function showActions(snapshot) {
        var required = [];
        fill('sandbox-actions', snapshot.permittedActions, function (action) {
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'btn btn-primary';
            button.dataset.trigger = action.trigger;
            button.textContent = action.title + ' → ' + stateTitle(action.to)
                + (action.requires.length ? ' (' + t('richiede: ', 'requires: ') + action.requires.join(', ') + ')' : '');
            button.addEventListener('click', function () { fire(action.trigger, action.title); });
            action.requires.forEach(function (field) { if (required.indexOf(field) < 0) required.push(field); });
            return button;
        }, snapshot.status === 'Running'
            ? t('Nessuna azione possibile ora: fai avanzare il tempo o ricomincia.', 'No action is possible now: advance time or restart.')
            : t('La prova è finita: nessuna azione possibile.', 'The run has ended: no action is possible.'));
        var example = {};
        required.forEach(function (field) { example[field] = '…'; });
        $('sandbox-payload').placeholder = required.length ? JSON.stringify(example) : '{}';
    }

    function timerRow(timer) {
        var row = document.createElement('tr');
        cell(row, { Timer: t('scadenza', 'deadline'), Reminder: t('promemoria', 'reminder') }[timer.kind] || timer.kind);
        cell(row, timer.trigger ? triggerTitle(timer.trigger, $('sandbox-state').dataset.state) : timer.template || '');
        cell(row, when(timer.dueAt));
        var go = document.createElement('button');
        go.type = 'button';
        go.className = 'btn btn-outline-secondary btn-sm';
        go.textContent = t('Vai alla scadenza', 'Go to when it is due');
        go.addEventListener('click', function () { advance(durationUntil(timer.dueAt)); });
        cell(row, '').appendChild(go);
        return row;
    }

    // The ISO-8601 duration from the sandbox clock to just past a due time.
    function durationUntil(due) {
        var seconds = Math.max(1, Math.ceil((new Date(due) - new Date($('sandbox-clock').dateTime)) / 1000) + 1);
        var days = Math.floor(seconds / 86400); seconds -= days * 86400;
        var hours = Math.floor(seconds / 3600); seconds -= hours * 3600;
        var minutes = Math.floor(seconds / 60); seconds -= minutes * 60;
        var time = (hours ? hours + 'H' : '') + (minutes ? minutes + 'M' : '') + (seconds ? seconds + 'S' : '');
        return 'P' + (days ? days + 'D' : '') + (time ? 'T' + time : '');
    }

    function emailItem(email) {
        var details = document.createElement('details');
        details.className = 'sandbox-email';
        var summary = document.createElement('summary');
        summary.textContent = email.subject + ' — ' + t('a ', 'to ') + email.to + ' (' + when(email.queuedAt) + ')';
        details.appendChild(summary);
        var body = document.createElement('pre');
        body.textContent = email.body;
        details.appendChild(body);
        return details;
    }

    async function drawDiagram(text) {
        var container = $('sandbox-diagram');
        if (!window.mermaid) {
            container.textContent = text;
            return;
        }
        try {
            var drawn = await window.mermaid.render('sandbox-diagram-svg-' + (++diagramCount), text);
            container.innerHTML = drawn.svg;
        } catch (e) {
            container.textContent = text;
        }
    }

    // ---- steps ----

    function readVariables() {
        var text = $('sandbox-variables').value.trim();
        if (text === '') return {};
        var value = parseOrNull(text);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            fieldError('variables', t('Le variabili iniziali devono essere un oggetto JSON, ad esempio {"nome": "valore"}.',
                'The initial variables must be a JSON object, for example {"name": "value"}.'));
            $('sandbox-variables').focus();
            return undefined;
        }
        return value;
    }

    function start() {
        return step(async function () {
            clearProblems();
            var variables = readVariables();
            if (variables === undefined) return;
            var result = await call('POST', '/api/sandbox', { json: definitionJson, variables: variables });
            if (!result.ok) {
                showProblem(result, t('La prova non è partita.', 'The trial run did not start.'));
                return;
            }
            await show(result.data);
            announce(t('Prova avviata: stato ', 'Trial run started: state ') + stateTitle(result.data.state) + '.');
        });
    }

    function fire(trigger, title) {
        return step(async function () {
            clearProblems();
            var text = $('sandbox-payload').value.trim();
            var payload = null;
            if (text !== '') {
                payload = parseOrNull(text);
                if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
                    fieldError('payload', t('I dati dell\'azione devono essere un oggetto JSON, ad esempio {"reason": "…"}.',
                        'The action data must be a JSON object, for example {"reason": "…"}.'));
                    $('sandbox-payload').focus();
                    return;
                }
            }
            var refusalsText = $('sandbox-refusals').value.trim();
            var refusals = null;
            if (refusalsText !== '') {
                refusals = parseOrNull(refusalsText);
                if (refusals === null || typeof refusals !== 'object' || Array.isArray(refusals)) {
                    fieldError('refusals', t('I rifiuti simulati devono essere un oggetto JSON, ad esempio {"jobroom.checkEmailChange": {"newEmail": "…"}}.',
                        'Simulated refusals must be a JSON object, for example {"jobroom.checkEmailChange": {"newEmail": "…"}}.'));
                    $('sandbox-refusals').focus();
                    return;
                }
            }
            var before = $('sandbox-state').dataset.state;
            var result = await call('POST', '/api/sandbox/' + sessionId + '/fire', { trigger: trigger, payload: payload, refusals: refusals });
            if (result.status === 404) return gone();
            if (!result.ok) {
                if (result.data && result.data.errors && !Array.isArray(result.data.errors))
                    fieldError('payload', errorLines(result.data.errors).join(' '));
                showProblem(result);
                return;
            }
            await show(result.data);
            announce(t('«' + title + '» eseguita: ', '«' + title + '» fired: ') + stateTitle(before) + ' → ' + stateTitle(result.data.state) + '.');
        });
    }

    function advance(duration) {
        return step(async function () {
            clearProblems();
            var before = $('sandbox-state').dataset.state;
            var emails = $('sandbox-emails').querySelectorAll('details').length;
            var result = await call('POST', '/api/sandbox/' + sessionId + '/advance', { duration: duration });
            if (result.status === 404) return gone();
            if (!result.ok) {
                var errors = result.data && result.data.errors;
                showProblem(result);
                if (errors && errors.duration) {
                    fieldError('duration', [].concat(errors.duration).join(' '));
                    $('sandbox-duration').focus();
                }
                return;
            }
            var s = result.data;
            await show(s);
            var moved = s.state === before ? t('stato invariato ', 'state unchanged ') + '(' + stateTitle(s.state) + ')' : stateTitle(before) + ' → ' + stateTitle(s.state);
            var sent = s.emails.length - emails;
            announce(t('Tempo avanzato di ', 'Time advanced by ') + duration + ': ' + t('ora è ', 'it is now ') + when(s.now) + '; ' + moved
                + (sent === 1 ? t('; 1 nuova email', '; 1 new email') : sent > 1 ? '; ' + sent + t(' nuove email', ' new emails') : '') + '.');
        });
    }

    /** A sandbox that is gone (idle too long, closed elsewhere) sends the designer back to the start. */
    function gone() {
        sessionId = null;
        $('sandbox-run').hidden = true;
        $('sandbox-setup').hidden = false;
        showProblem({ data: { title: t('Questa prova non esiste più.', 'This trial run no longer exists.'),
            detail: t('Le prove inattive da un\'ora vengono chiuse. Avviala di nuovo.', 'Trial runs idle for an hour are closed. Start it again.') } });
    }

    async function close() {
        if (sessionId) await call('DELETE', '/api/sandbox/' + sessionId);
        sessionId = null;
        $('sandbox-run').hidden = true;
        $('sandbox-setup').hidden = false;
    }

    // ---- wiring ----

    root.dataset.invalid = String($('sandbox-start').disabled);
    $('sandbox-start').addEventListener('click', start);
    $('sandbox-advance').addEventListener('submit', function (event) {
        event.preventDefault();
        advance($('sandbox-duration').value.trim());
    });
    root.querySelectorAll('[data-duration]').forEach(function (button) {
        button.addEventListener('click', function () { advance(button.dataset.duration); });
    });
    $('sandbox-restart').addEventListener('click', function () {
        step(async function () { clearProblems(); await close(); }).then(start);
    });
    $('sandbox-close').addEventListener('click', function () {
        step(async function () {
            clearProblems();
            await close();
            announce(t('Prova chiusa.', 'Trial run closed.'));
            $('sandbox-start').focus();
        });
    });
    // A sandbox left open when the designer leaves is closed at once rather than after an hour idle.
    window.addEventListener('pagehide', function () {
        if (sessionId) fetch('/api/sandbox/' + sessionId, { method: 'DELETE', credentials: 'same-origin', keepalive: true, headers: antiforgeryHeaders({}) });
    });
})();
