// Maps the runtime's JSON paths ($.states.UnderReview.on.approve[0].to) to places in the editor and back.
import { syntaxTree } from "@codemirror/language";
import { getJsonPointers, jsonPointerForPosition } from "codemirror-json-schema";

const MODE = "json4";

/** `$.a.b[0]['odd name']` → ["a", "b", "0", "odd name"]. */
export function pathSegments(path) {
  const segments = [];
  const pattern = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]/g;
  let match;
  while ((match = pattern.exec(path)) !== null) {
    segments.push(match[1] ?? match[2] ?? match[3].replace(/\\(.)/g, "$1"));
  }
  return segments;
}

const escapePointer = (segment) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The range to mark for a path. The runtime names a single transition `[0]` even when the document writes it as an
 * object rather than a one-item array, so an index that is not in the document is skipped; a path the document
 * lacks entirely (a required property that is missing) falls back to its nearest existing parent, marking its key.
 */
export function rangeOfPath(state, path) {
  const pointers = getJsonPointers(state, MODE);
  let pointer = "";
  let best = null;
  let complete = true;
  for (const segment of pathSegments(path)) {
    const candidate = `${pointer}/${escapePointer(segment)}`;
    if (pointers.has(candidate)) {
      pointer = candidate;
      best = pointers.get(candidate);
    } else if (!/^\d+$/.test(segment)) {
      complete = false;
      break;
    }
  }
  if (!best) return { from: 0, to: Math.min(1, state.doc.length) };
  const value = complete ? valueOfKey(state, best.keyFrom) : null;
  // A short value (a state name, a duration) is marked itself; a whole object is marked by its key.
  if (value && value.to - value.from <= 120 && !state.doc.sliceString(value.from, value.to).includes("\n")) return value;
  return { from: best.keyFrom, to: best.keyTo };
}

/** The value node of the property whose name starts at `keyFrom`. */
function valueOfKey(state, keyFrom) {
  const key = syntaxTree(state).resolveInner(keyFrom, 1);
  if (key.name !== "PropertyName") return null;
  const value = key.parent?.lastChild;
  return value && value.from > key.to ? { from: value.from, to: value.to } : null;
}

/** The JSON pointer (`/states/UnderReview/onEntry/0`) at a position. */
export function pointerAt(state, pos) {
  try {
    return jsonPointerForPosition(state, pos, -1, MODE) || "";
  } catch {
    return "";
  }
}
