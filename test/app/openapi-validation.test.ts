import { operationOf, requestProblems } from "../support/openapi.js";

describe("request validation against GitHub's OpenAPI description", () => {
  it("maps requests to operations by method and path", () => {
    expect(operationOf("POST", "/repos/o/r/check-runs")).toBe("checks/create");
    expect(operationOf("PATCH", "/repos/o/r/check-runs/7")).toBe("checks/update");
    expect(operationOf("GET", "/repos/o/r/contents/.github%2Fdockaudit.yml")).toBe("repos/get-content");
    expect(operationOf("GET", "/repos/o/r/pulls/1/files?per_page=100")).toBe("pulls/list-files");
  });

  it("rejects what GitHub would reject: 51 annotations, a long action label, an unknown conclusion", () => {
    const annotation = { path: "Dockerfile", start_line: 1, end_line: 1, annotation_level: "warning", message: "m" };
    expect(requestProblems("checks/update", { output: { title: "t", summary: "s", annotations: Array(51).fill(annotation) } }).join()).toMatch(/more than 50 items/);
    expect(requestProblems("checks/update", { actions: [{ label: "x".repeat(21), description: "d", identifier: "rerun" }] }).join()).toMatch(/more than 20 characters/);
    expect(requestProblems("checks/update", { conclusion: "passed" }).join()).toMatch(/allowed values/);
    expect(requestProblems("checks/update", { output: { title: "t", summary: "s".repeat(65_536) } }).join()).toMatch(/more than 65535 characters/);
  });

  it("accepts a valid review", () => {
    expect(requestProblems("pulls/create-review", { commit_id: "a", event: "COMMENT", body: "b", comments: [{ path: "Dockerfile", line: 2, side: "RIGHT", body: "x" }] })).toEqual([]);
  });
});
