// The definition editor: CodeMirror with JSON, completion and hover from the schema, and the runtime's own
// validation (debounced) shown at the place each error points to.
import { EditorView, basicSetup } from "codemirror";
import { json, jsonLanguage, jsonParseLinter } from "@codemirror/lang-json";
import { linter, lintGutter } from "@codemirror/lint";
import { syntaxTree } from "@codemirror/language";
import { hoverTooltip } from "@codemirror/view";
import { jsonCompletion, jsonSchemaHover, stateExtensions } from "codemirror-json-schema";
import { call } from "./api.js";
import { rangeOfPath, pointerAt } from "./json-paths.js";
import { activityCompletion } from "./activity-completion.js";

const VALIDATION_DELAY_MS = 600;

/**
 * Creates the editor. `onChecked({ errors, diagram, parsed })` runs after every validation, with the errors already
 * placed (`from`/`to`), so the page can list them and redraw the diagram; `onCursor(pointer, stringValue)` runs
 * when the cursor moves.
 */
export function createEditor(parent, { doc, schema, label, onChecked, onCursor, onChange }) {
  const parseLinter = jsonParseLinter();

  const runtimeLinter = linter(async (view) => {
    const text = view.state.doc.toString();
    const syntax = parseLinter(view);
    if (syntax.length > 0) {
      onChecked({ parsed: false, diagram: null, errors: syntax.map((d) => ({ path: "$", code: "json", message: d.message, from: d.from, to: d.to })) });
      return syntax;
    }
    let result;
    try {
      result = await call("POST", "/api/definitions/validate", text);
    } catch {
      return [];
    }
    if (view.state.doc.toString() !== text) return [];
    const errors = result.errors.map((e) => ({ ...e, ...rangeOfPath(view.state, e.path) }));
    onChecked({ parsed: true, diagram: result.diagram, errors });
    return errors.map((e) => ({ from: e.from, to: Math.max(e.to, e.from + 1), severity: "error", message: `${e.message} [${e.code}]`, source: e.path }));
  }, { delay: VALIDATION_DELAY_MS });

  const view = new EditorView({
    doc,
    parent,
    extensions: [
      basicSetup,
      json(),
      lintGutter(),
      runtimeLinter,
      jsonLanguage.data.of({ autocomplete: schemaCompletion() }),
      jsonLanguage.data.of({ autocomplete: activityCompletion(schema) }),
      hoverTooltip(jsonSchemaHover()),
      stateExtensions(schema),
      EditorView.contentAttributes.of({ "aria-label": label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange();
        if (update.docChanged || update.selectionSet) {
          const pos = update.state.selection.main.head;
          onCursor(pointerAt(update.state, pos), stringAt(update.state, pos));
        }
      }),
    ],
  });
  // The scroll area must be reachable from the keyboard on its own: a long definition scrolls even where its text cannot take focus.
  view.scrollDOM.tabIndex = 0;
  view.scrollDOM.setAttribute("aria-label", label);
  return view;
}

/** The schema's generic completion; it answers "nothing" with an empty array, which the editor takes for a broken result. */
function schemaCompletion() {
  const complete = jsonCompletion();
  return (context) => {
    const result = complete(context);
    return Array.isArray(result) ? null : result;
  };
}

/** The string literal the cursor stands in, decoded; null elsewhere. */
function stringAt(state, pos) {
  const node = syntaxTree(state).resolveInner(pos, -1);
  if (node.name !== "String") return null;
  try {
    return JSON.parse(state.doc.sliceString(node.from, node.to));
  } catch {
    return null;
  }
}

/** Puts the cursor on a range and scrolls it into view. */
export function reveal(view, from, to) {
  view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
  view.focus();
}
