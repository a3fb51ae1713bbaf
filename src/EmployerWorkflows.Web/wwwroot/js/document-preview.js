// Shows the pages of the PDF documents of a task (<figure class="pdf-preview">) drawn on a canvas by PDF.js.
// The browser's own PDF viewer is not used: when it finishes loading it takes the keyboard focus, so what a
// reviewer was typing in the form went into the preview instead.
import * as pdfjs from '/lib/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/lib/pdfjs/pdf.worker.min.mjs';

function say(figure, text) {
    figure.querySelector('.pdf-status').textContent = text;
}

function pageText(figure, number, count) {
    return figure.dataset.pageText.replace('{0}', number).replace('{1}', count);
}

async function show(figure, pdf, number) {
    if (number < 1 || number > pdf.numPages) return;
    const page = await pdf.getPage(number);
    const canvas = figure.querySelector('canvas');
    const width = figure.clientWidth || 600;
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = Math.floor(viewport.width) + 'px';
    canvas.style.height = Math.floor(viewport.height) + 'px';
    await page.render({ canvas, viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0] }).promise;
    canvas.setAttribute('aria-label', figure.dataset.name + ' — ' + pageText(figure, number, pdf.numPages));
    say(figure, pageText(figure, number, pdf.numPages));
    figure.dataset.page = number;
    figure.querySelector('.pdf-previous').disabled = number <= 1;
    figure.querySelector('.pdf-next').disabled = number >= pdf.numPages;
}

async function preview(figure) {
    try {
        const pdf = await pdfjs.getDocument({ url: figure.dataset.src, isEvalSupported: false }).promise;
        if (pdf.numPages === 0) throw new Error('no pages');
        figure.querySelector('.pdf-pages').hidden = pdf.numPages < 2;
        // One drawing at a time on the canvas: a second click waits for the page before it.
        let drawing = Promise.resolve();
        const turn = step => {
            drawing = drawing.then(() => show(figure, pdf, Number(figure.dataset.page) + step)).catch(() => say(figure, figure.dataset.failedText));
        };
        figure.querySelector('.pdf-previous').addEventListener('click', () => turn(-1));
        figure.querySelector('.pdf-next').addEventListener('click', () => turn(1));
        await show(figure, pdf, 1);
        figure.dataset.state = 'shown';
    } catch {
        figure.querySelector('canvas').hidden = true;
        say(figure, figure.dataset.failedText);
        figure.dataset.state = 'failed';
    }
}

document.querySelectorAll('figure.pdf-preview').forEach(preview);
