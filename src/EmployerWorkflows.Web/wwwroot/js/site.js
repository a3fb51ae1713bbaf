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
