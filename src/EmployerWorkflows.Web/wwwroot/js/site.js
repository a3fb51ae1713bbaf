// Long operations: a form marked data-progress shows its status line while the server works, and a second
// submit (double click, Enter pressed twice) is ignored.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-progress')) return;
    if (form.dataset.busy === 'true') { event.preventDefault(); return; }
    form.dataset.busy = 'true';
    form.setAttribute('aria-busy', 'true');
    var note = form.querySelector('.progress-note');
    if (note) note.hidden = false;
});

// The error summary takes the focus so screen readers announce it and keyboard users start from it.
document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) summary.focus();
});

// The header menu folds behind its button on small screens. Without this script the button stays hidden and the
// menu is simply shown.
document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.querySelector('.menu-toggle');
    var menu = document.getElementById('site-menu');
    if (!toggle || !menu) return;
    toggle.hidden = false;
    toggle.closest('.topbar').classList.add('collapsible');
    toggle.addEventListener('click', function () {
        toggle.setAttribute('aria-expanded', toggle.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
    });
    menu.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
    });
});

// Tables read as cards on a phone: each cell is labelled with its column's name, unless the page labelled it.
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('main table.table').forEach(function (table) {
        var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
        if (headers.length === 0) return;
        table.querySelectorAll('tbody tr').forEach(function (row) {
            Array.prototype.forEach.call(row.children, function (cell, i) {
                if (cell.tagName === 'TD' && !cell.hasAttribute('data-label') && headers[i]) cell.setAttribute('data-label', headers[i]);
            });
        });
    });
});
