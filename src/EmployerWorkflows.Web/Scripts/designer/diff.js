// Shows the draft against the published version, line by line.

export function showDiff(panel, diff, t) {
  const changed = diff.lines.filter((l) => l.kind !== " ").length;
  const heading = document.createElement("p");
  heading.textContent = diff.publishedVersion
    ? t.diffHeading.replace("{0}", diff.publishedVersion).replace("{1}", changed)
    : t.diffNoPublished;
  const pre = document.createElement("pre");
  pre.className = "diff";
  for (const line of diff.lines) {
    const row = document.createElement(line.kind === "+" ? "ins" : line.kind === "-" ? "del" : "span");
    row.textContent = `${line.kind} ${line.text}\n`;
    pre.append(row);
  }
  panel.replaceChildren(heading, pre);
  panel.hidden = false;
  panel.focus();
}
