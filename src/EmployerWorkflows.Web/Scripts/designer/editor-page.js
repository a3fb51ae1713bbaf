// The page /designer/{id}: editor, error list, live diagram and the version actions.
import { call, definitionUrl } from "./api.js";
import { createEditor, reveal } from "./editor.js";
import { LiveDiagram, stateOfPointer } from "./diagram.js";
import { Messages, confirmTwice } from "./messages.js";
import { showDiff } from "./diff.js";
import { FLASH, showFlash, wireImport } from "./import.js";

const data = JSON.parse(document.getElementById("editor-data").textContent);
const t = data.texts;
const format = (text, ...values) => values.reduce((s, v, i) => s.replace(`{${i}}`, v), text);
const $ = (id) => document.getElementById(id);

const messages = new Messages($("editor-status"), $("editor-alert"));
const diagram = new LiveDiagram($("definition-diagram"), $("diagram-caption"));
const errorList = $("definition-errors");
const publishButton = $("publish");
let revision = data.draftRevision;
let dirty = false;
let errorCount = 0;

if (window.mermaid) window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral" });

const schema = await call("GET", "/api/definitions/schema");
const view = createEditor($("definition-editor"), {
  doc: data.json,
  schema,
  label: t.editorLabel,
  onChecked: showCheck,
  onCursor: (pointer, value) => diagram.select(stateOfPointer(pointer, value)),
  onChange: () => setDirty(true),
});
window.definitionEditor = view;

function showCheck({ errors, diagram: source, parsed }) {
  errorCount = errors.length;
  $("error-count").textContent = errors.length === 0 ? t.noErrors : format(t.errorsCount, errors.length);
  errorList.replaceChildren(...errors.map((e) => {
    const item = document.createElement("li");
    const jump = document.createElement("button");
    jump.type = "button";
    jump.className = "btn btn-link p-0 text-start";
    jump.textContent = `${e.path} — ${e.message}`;
    jump.dataset.code = e.code;
    jump.addEventListener("click", () => reveal(view, e.from, e.to));
    item.append(jump);
    return item;
  }));
  errorList.closest("section").dataset.checked = "true";
  if (parsed) diagram.update(source);
  refreshPublish();
}

function setDirty(value) {
  dirty = value;
  $("draft-state").textContent = dirty ? t.unsaved : revision ? format(t.savedRevision, revision) : t.noDraft;
  refreshPublish();
}

function refreshPublish() {
  publishButton.disabled = errorCount > 0;
  $("publish-hint").textContent = errorCount > 0 ? format(t.publishBlocked, errorCount) : "";
}

async function save() {
  try {
    const saved = await call("PUT", `${definitionUrl(data.definitionId)}/draft`,
      { json: view.state.doc.toString(), expectedRevision: revision });
    revision = saved.revision;
    setDirty(false);
    messages.ok(format(t.saved, revision));
    return true;
  } catch (error) {
    if (error.status === 409) {
      const link = document.createElement("a");
      link.href = location.pathname;
      link.target = "_blank";
      link.textContent = t.openSaved;
      messages.problem(error.problem.title, error.problem.detail, [], link);
    } else {
      messages.fromError(error, t.saveFailed);
    }
    return false;
  }
}

$("save-draft").addEventListener("click", save);

confirmTwice(publishButton, t.publishConfirm, async () => {
  if (dirty && !(await save())) return;
  try {
    const published = await call("POST", `${definitionUrl(data.definitionId)}/publish`);
    sessionStorage.setItem(FLASH, format(t.published, published.version));
    location.reload();
  } catch (error) {
    messages.fromError(error, t.publishFailed);
  }
});

$("show-diff").addEventListener("click", async () => {
  if (dirty && !(await save())) return;
  try {
    showDiff($("diff-panel"), await call("GET", `${definitionUrl(data.definitionId)}/diff`), t);
  } catch (error) {
    if (error.status === 404) messages.ok(t.noDraftToCompare);
    else messages.fromError(error, t.saveFailed);
  }
});

wireImport($("import-form"), $("import-file"), messages, t);

for (const button of document.querySelectorAll("button[data-retire]")) {
  const question = button.dataset.lastPublished ? t.retireLastConfirm : t.retireConfirm;
  confirmTwice(button, question, () => versionAction(button.dataset.retire, "retire", t.retired));
}
for (const button of document.querySelectorAll("button[data-rollback]")) {
  confirmTwice(button, dirty || revision ? t.rollbackConfirmDraft : t.rollbackConfirm, () => versionAction(button.dataset.rollback, "rollback", t.rolledBack));
}

async function versionAction(version, action, done) {
  try {
    await call("POST", `${definitionUrl(data.definitionId)}/versions/${version}/${action}`);
    dirty = false;
    sessionStorage.setItem(FLASH, format(done, version));
    location.reload();
  } catch (error) {
    messages.fromError(error, t.actionFailed);
  }
}

window.addEventListener("beforeunload", (event) => {
  if (dirty) event.preventDefault();
});

showFlash(messages);
setDirty(false);
document.body.dataset.editorReady = "true";
