// The page's two live regions: outcomes for everyone (status) and refusals that need attention (alert).

export class Messages {
  constructor(status, alert) {
    this.status = status;
    this.alert = alert;
  }

  ok(text) {
    this.alert.hidden = true;
    this.alert.replaceChildren();
    this.status.textContent = text;
  }

  /** Shows a refusal: its title, its detail and any listed errors; `extra` is an element to append (e.g. a link). */
  problem(title, detail, list = [], extra = null) {
    this.status.textContent = "";
    const heading = document.createElement("strong");
    heading.textContent = title;
    const parts = [heading];
    if (detail) {
      const p = document.createElement("p");
      p.className = "mb-0";
      p.textContent = detail;
      parts.push(p);
    }
    if (list.length > 0) {
      const ul = document.createElement("ul");
      ul.className = "mb-0";
      for (const item of list) {
        const li = document.createElement("li");
        li.textContent = item;
        ul.append(li);
      }
      parts.push(ul);
    }
    if (extra) parts.push(extra);
    this.alert.replaceChildren(...parts);
    this.alert.hidden = false;
  }

  fromError(error, fallbackTitle) {
    const problem = error.problem ?? {};
    const errors = (problem.errors ?? []).map((e) => (typeof e === "string" ? e : `${e.path}: ${e.message}`));
    this.problem(problem.title ?? fallbackTitle, problem.detail, Array.isArray(problem.errors) ? errors : []);
  }
}

/** A button that asks to be pressed twice: the first press shows what will happen, the second does it. */
export function confirmTwice(button, question, action) {
  const label = button.textContent;
  let armed = false;
  button.addEventListener("click", async () => {
    if (!armed) {
      armed = true;
      button.textContent = question;
      button.classList.add("btn-warning");
      setTimeout(() => {
        armed = false;
        button.textContent = label;
        button.classList.remove("btn-warning");
      }, 8000);
      return;
    }
    armed = false;
    button.disabled = true;
    try {
      await action();
    } finally {
      button.disabled = false;
      button.textContent = label;
      button.classList.remove("btn-warning");
    }
  });
}
