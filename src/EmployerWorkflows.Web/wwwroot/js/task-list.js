// Keyboard work through a task list (table[data-keyboard-list]): j/k or the arrows move between rows, Enter opens
// the row's task, c claims it. One row at a time is in the Tab order (roving tabindex), so Tab still leaves the list.
(function () {
    var list = document.querySelector('table[data-keyboard-list]');
    if (!list) return;
    var rows = Array.prototype.slice.call(list.querySelectorAll('tbody tr[data-task]'));
    if (rows.length === 0) return;
    rows[0].tabIndex = 0;

    function focusRow(index) {
        var target = rows[Math.max(0, Math.min(rows.length - 1, index))];
        rows.forEach(function (row) { row.tabIndex = row === target ? 0 : -1; });
        target.focus();
    }

    function typing(element) {
        return /^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName) || element.isContentEditable;
    }

    list.addEventListener('focusin', function (event) {
        var row = event.target.closest('tr[data-task]');
        if (row) rows.forEach(function (r) { r.tabIndex = r === row ? 0 : -1; });
    });

    document.addEventListener('keydown', function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
        var row = event.target.closest ? event.target.closest('tr[data-task]') : null;
        var index = row ? rows.indexOf(row) : -1;
        var onRow = row !== null && event.target === row;
        switch (event.key) {
            case 'j':
                focusRow(index + 1);
                break;
            case 'k':
                focusRow(index < 0 ? 0 : index - 1);
                break;
            case 'ArrowDown':
                // The arrows stay with the page (scrolling) until the list has the focus.
                if (!row) return;
                focusRow(index + 1);
                break;
            case 'ArrowUp':
                if (!row) return;
                focusRow(index - 1);
                break;
            case 'Enter':
                if (!onRow) return;
                row.querySelector('a.task-link').click();
                break;
            case 'c':
                if (!row) return;
                var claim = row.querySelector('button[data-claim]');
                if (!claim) return;
                claim.click();
                break;
            default:
                return;
        }
        event.preventDefault();
    });
})();
