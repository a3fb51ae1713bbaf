// Calls to the designer's HTTP API. Refusals come back as problem details; callers show their title and detail.

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

// Changes made with the login cookie carry the page's anti-forgery token, or the server refuses them.
const tokenHeader = "X-CSRF-TOKEN";

export function antiforgeryToken() {
  return document.querySelector('meta[name="request-verification-token"]')?.content ?? "";
}

export async function call(method, url, body, { raw = false } = {}) {
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (!["GET", "HEAD"].includes(method.toUpperCase())) init.headers[tokenHeader] = antiforgeryToken();
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
