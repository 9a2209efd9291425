import { parseCompose } from "../../src/engine/parse/compose.js";
import { buildProject } from "../../src/engine/project.js";
import { MAX_EXTENDS_CHAIN, serviceDefines } from "../../src/engine/service-lifecycle.js";

// A service's `extends` bases are followed to find what it inherits, MAX_EXTENDS_CHAIN links at
// most: a file chaining thousands of services was otherwise walked once per service and rule.
const chain = (links: number) =>
  "services:\n" + Array.from({ length: links }, (_, i) => `  s${i}:\n    extends: s${i + 1}\n`).join("") + `  s${links}:\n    image: nginx:1.27\n    restart: always\n`;

function restartOf(text: string, name: string): boolean | null {
  const model = parseCompose("compose.yaml", text);
  const project = buildProject({ dockerfiles: [], composeFiles: [model], dockerignores: [] });
  return serviceDefines(project, model, model.services.find((s) => s.name === name)!, (d) => d.restart !== undefined);
}

describe("extends chains", () => {
  it("inherit from every base up to the limit", () => {
    expect(restartOf(chain(3), "s0")).toBe(true);
    expect(restartOf(chain(MAX_EXTENDS_CHAIN), "s0")).toBe(true);
  });

  it("are unknown past the limit, and known again for the services nearer the end", () => {
    const long = chain(MAX_EXTENDS_CHAIN + 5);
    expect(restartOf(long, "s0")).toBeNull();
    expect(restartOf(long, "s5")).toBe(true);
  });

  it("end at a cycle, without the probed key", () => {
    expect(restartOf("services:\n  a:\n    image: x\n    extends: b\n  b:\n    extends: a\n", "a")).toBe(false);
  });
});
