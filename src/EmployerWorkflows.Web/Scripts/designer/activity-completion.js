// Property completion inside an activity. Activities are told apart by their "activity" kind (an allOf of
// if/then in the schema), which the generic schema completion does not follow: this source reads the kind
// and offers the properties of that kind's definition that the object does not have yet, and inside an invoke's
// "inputs" the inputs its operation declares.
import { syntaxTree } from "@codemirror/language";

export function activityCompletion(schema) {
  return (context) => {
    const inputs = invokeInputsAt(context.state, context.pos);
    if (inputs) return operationInputCompletion(schema, context, inputs);
    const object = enclosingActivity(context.state, context.pos);
    if (!object) return null;
    const properties = propertiesOf(context.state, object);
    const kind = schema.$defs?.[properties.get("activity")];
    if (!kind?.properties) return null;
    const typed = context.matchBefore(/[A-Za-z]*/);
    if (!context.explicit && typed.from === typed.to) return null;
    const options = Object.entries(kind.properties)
      .filter(([name]) => !properties.has(name))
      .map(([name, definition]) => ({
        label: name,
        type: "property",
        detail: (kind.required ?? []).includes(name) ? "required" : undefined,
        info: definition.description ?? schema.$defs?.[definition.$ref?.split("/").pop()]?.description,
        apply: insertKey(name),
      }));
    return { from: typed.from, options, validFor: /^[A-Za-z]*$/ };
  };
}

// Inside an invoke's "inputs": the inputs the registered operation declares (the server adds them to the schema it
// serves, under "x-operations"), with their type and description.
function operationInputCompletion(schema, context, { activity, inputs }) {
  const declared = schema["x-operations"]?.[propertiesOf(context.state, activity).get("operation")]?.inputs;
  if (!declared) return null;
  const typed = context.matchBefore(/[A-Za-z]*/);
  if (!context.explicit && typed.from === typed.to) return null;
  const written = propertiesOf(context.state, inputs);
  const options = Object.entries(declared)
    .filter(([name]) => !written.has(name))
    .map(([name, input]) => ({
      label: name,
      type: "property",
      detail: input.required ? `${input.type}, required` : input.type,
      info: input.description || undefined,
      apply: insertKey(name),
    }));
  return { from: typed.from, options, validFor: /^[A-Za-z]*$/ };
}

/** Writes `"name": `, taking in the quotes already typed around the word (the editor closes them by itself). */
function insertKey(name) {
  return (view, completion, from, to) => {
    const doc = view.state.doc;
    const start = from > 0 && doc.sliceString(from - 1, from) === '"' ? from - 1 : from;
    const end = doc.sliceString(to, to + 1) === '"' ? to + 1 : to;
    const text = `"${name}": `;
    view.dispatch({ changes: { from: start, to: end, insert: text }, selection: { anchor: start + text.length } });
  };
}

/** The object the cursor stands in, when that object is an item of an "onEntry" array and the cursor is at a key. */
function enclosingActivity(state, pos) {
  const node = objectAtKey(state, pos);
  const array = node?.parent;
  const property = array?.parent;
  if (array?.name !== "Array" || property?.name !== "Property") return null;
  const key = property.firstChild;
  return key && state.doc.sliceString(key.from, key.to) === '"onEntry"' ? node : null;
}

/** The "inputs" object the cursor stands in (at a key), with its invoke activity; null elsewhere. */
function invokeInputsAt(state, pos) {
  const object = objectAtKey(state, pos);
  const property = object?.parent;
  const activity = property?.parent;
  if (property?.name !== "Property" || activity?.name !== "Object") return null;
  const key = property.firstChild;
  if (!key || state.doc.sliceString(key.from, key.to) !== '"inputs"') return null;
  return propertiesOf(state, activity).get("activity") === "invoke" ? { activity, inputs: object } : null;
}

/** The object the cursor stands in when it is at a key (not inside a value). */
function objectAtKey(state, pos) {
  let node = syntaxTree(state).resolveInner(pos, -1);
  if (node.name === "String" && node.parent?.name === "Property" && node.parent.firstChild?.name === "PropertyName"
      && node.parent.firstChild.from !== node.from) {
    return null;
  }
  while (node && node.name !== "Object") node = node.parent;
  return node;
}

/** The object's properties as name → value (string values decoded, others as written). */
function propertiesOf(state, object) {
  const result = new Map();
  for (let child = object.firstChild; child; child = child.nextSibling) {
    if (child.name !== "Property") continue;
    const key = child.firstChild;
    const value = child.lastChild;
    if (key?.name !== "PropertyName") continue;
    const name = safeParse(state.doc.sliceString(key.from, key.to));
    const text = value && value !== key ? state.doc.sliceString(value.from, value.to) : "";
    result.set(name, value?.name === "String" ? safeParse(text) : text);
  }
  return result;
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text.replace(/^"|"$/g, "");
  }
}
