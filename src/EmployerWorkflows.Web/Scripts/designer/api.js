// Calls to the designer's HTTP API. Refusals come back as problem details; callers show their title and detail.

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function call(method, url, body, { raw = false } = {}) {
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body instanceof FormData) {
    init.body = body;
  } else if (typeof body === "string") {
    init.body = body;
    init.headers["Content-Type"] = "application/json";
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["Content-Type"] = "application/json";
  }
  const response = await fetch(url, init);
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      problem = { title: `HTTP ${response.status}` };
    }
    throw new ApiProblem(response.status, problem);
  }
  if (response.status === 204) return null;
  return raw ? response.text() : response.json();
}

export const definitionUrl = (id) => `/api/definitions/${encodeURIComponent(id)}`;
