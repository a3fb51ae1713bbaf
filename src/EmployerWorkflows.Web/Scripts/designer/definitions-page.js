// The page /designer: import a file, or start a new definition from a minimal valid skeleton.
import { call, definitionUrl } from "./api.js";
import { Messages } from "./messages.js";
import { showFlash, wireImport } from "./import.js";

const data = JSON.parse(document.getElementById("definitions-data").textContent);
const t = data.texts;
const $ = (id) => document.getElementById(id);
const messages = new Messages($("editor-status"), $("editor-alert"));

wireImport($("import-form"), $("import-file"), messages, t);
showFlash(messages);

$("new-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const id = $("new-id").value.trim();
  const titleIt = $("new-title-it").value.trim();
  const titleEn = $("new-title-en").value.trim() || titleIt;
  if (!/^[a-z][a-z0-9-]*$/.test(id) || !titleIt) {
    messages.problem(t.newInvalid, null);
    return;
  }
  if (data.existing.includes(id)) {
    messages.problem(t.newExists.replace("{0}", id), null);
    return;
  }
  const skeleton = {
    $schema: "schema/workflow.schema.json",
    id,
    title: { it: titleIt, en: titleEn },
    initial: "Submitted",
    states: {
      Submitted: { title: { it: "Inviata", en: "Submitted" }, on: { complete: { to: "Completed" } } },
      Completed: { title: { it: "Conclusa", en: "Completed" }, final: true },
    },
  };
  try {
    await call("PUT", `${definitionUrl(id)}/draft`, { json: JSON.stringify(skeleton, null, 2), expectedRevision: null });
    location.href = `/designer/${encodeURIComponent(id)}`;
  } catch (error) {
    messages.fromError(error, t.newFailed);
  }
});
document.body.dataset.editorReady = "true";
