// The live state diagram: drawn from the last document that parsed, with the state under the cursor highlighted.
let counter = 0;

export class LiveDiagram {
  constructor(element, caption) {
    this.element = element;
    this.caption = caption;
    this.source = null;
    this.highlight = null;
    this.drawn = null;
  }

  update(source) {
    if (source) this.source = source;
    return this.draw();
  }

  select(state) {
    if (state === this.highlight) return Promise.resolve();
    this.highlight = state;
    return this.draw();
  }

  async draw() {
    if (!this.source || !window.mermaid) return;
    const text = this.highlight && /^[A-Za-z][A-Za-z0-9_]*$/.test(this.highlight)
      ? `${this.source}    classDef current fill:#f0b400,stroke:#7a5a00,stroke-width:3px\n    class ${this.highlight} current\n`
      : this.source;
    if (text === this.drawn) return;
    this.drawn = text;
    try {
      const { svg } = await window.mermaid.render(`definition-diagram-${++counter}`, text);
      if (this.drawn !== text) return;
      this.element.innerHTML = svg;
      this.element.dataset.highlight = this.highlight ?? "";
      this.caption.textContent = this.highlight ? this.caption.dataset.selected.replace("{0}", this.highlight) : "";
    } catch {
      // A state name that is valid JSON but not yet a valid diagram: keep the last drawing.
    }
  }
}

/** The state a pointer is about: inside `states/Name/...`, or a `to` / `initial` value naming a state. */
export function stateOfPointer(pointer, valueAtCursor) {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (parts.length === 1 && parts[0] === "initial") return valueAtCursor;
  if (parts[0] !== "states" || parts.length < 2) return null;
  if (parts[parts.length - 1] === "to" && valueAtCursor) return valueAtCursor;
  return parts[1];
}
