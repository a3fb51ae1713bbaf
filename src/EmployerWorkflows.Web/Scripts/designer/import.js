// Importing a definition file as a draft, shared by the list and the editor; and the message shown after a reload.
import { call } from "./api.js";

export const FLASH = "designer-flash";

export function wireImport(form, input, messages, t) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) {
      messages.problem(t.importChoose, null);
      return;
    }
    const body = new FormData();
    body.append("file", file);
    try {
      const result = await call("POST", "/api/definitions/import", body);
      sessionStorage.setItem(FLASH, t.imported.replace("{0}", file.name).replace("{1}", result.errors.length));
      location.href = `/designer/${encodeURIComponent(result.saved.definitionId)}`;
    } catch (error) {
      messages.fromError(error, t.importFailed);
    }
  });
}

export function showFlash(messages) {
  const flash = sessionStorage.getItem(FLASH);
  if (flash) {
    sessionStorage.removeItem(FLASH);
    messages.ok(flash);
  }
}
