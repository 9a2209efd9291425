import { bestOfThree } from "./support/best-of-three.js";
import { isScalar, visit } from "yaml";
import { buildProject } from "../src/engine/project.js";
import { parseCompose } from "../src/engine/parse/compose.js";
import { parseDockerfile } from "../src/engine/parse/dockerfile.js";
import type { Rule } from "../src/engine/rule.js";
import { rules } from "../rules/index.js";

/**
 * Every rule's regexes must stay linear. Each rule runs on models whose words, values, image
 * references and shell arguments are 1 MB strings built to defeat backtracking (long runs of the
 * characters rule patterns branch on). Catastrophic backtracking takes seconds to hours on such a
 * string; a linear regex pass takes a few milliseconds. The models are parsed from small documents with
 * a placeholder that is then replaced everywhere, so the test measures the rules, not the parsers.
 */
const MB = 1024 * 1024;
const PLACEHOLDER = "QQPLACEHOLDERQQ";
const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const LINES: Record<string, string> = {
  letters: repeat("a"),
  dashes: repeat("-a"),
  spaces: repeat(" a"),
  tabs: repeat("\ta"),
  equals: repeat("a="),
  colons: repeat("1:"),
  variables: repeat("${a:-"),
  slashes: repeat("a/"),
  dots: repeat("1."),
  quotes: repeat("'\"a"),
  pipes: repeat("a|"),
  ampersands: repeat("&&a"),
  secretish: repeat("password_"),
  urls: repeat("http://a@"),
  digits: repeat("0"),
  at: repeat("a@"),
};

const DOCKERFILES = [
  `FROM ${PLACEHOLDER}\n`,
  `FROM alpine:${PLACEHOLDER} AS ${PLACEHOLDER}\n`,
  `FROM alpine:3.20\nRUN apt-get install -y ${PLACEHOLDER} && pip install ${PLACEHOLDER} | tee ${PLACEHOLDER}\n`,
  `FROM alpine:3.20\nRUN ${PLACEHOLDER} ${PLACEHOLDER}\n`,
  `FROM alpine:3.20\nENV ${PLACEHOLDER}=${PLACEHOLDER}\nARG PASSWORD=${PLACEHOLDER}\nLABEL ${PLACEHOLDER}=${PLACEHOLDER}\n`,
  `FROM alpine:3.20\nCOPY --from=${PLACEHOLDER} ${PLACEHOLDER} /x/\nADD ${PLACEHOLDER} /y\nWORKDIR ${PLACEHOLDER}\nUSER ${PLACEHOLDER}\nEXPOSE ${PLACEHOLDER}\n`,
  `FROM alpine:3.20\nCMD ${PLACEHOLDER}\nENTRYPOINT ["${PLACEHOLDER}"]\nHEALTHCHECK CMD ${PLACEHOLDER}\nSHELL ["/bin/sh", "-c"]\n`,
];
const COMPOSES = [
  `services:\n  ${PLACEHOLDER}:\n    image: ${PLACEHOLDER}\n    command: ${PLACEHOLDER}\n    user: ${PLACEHOLDER}\n    container_name: ${PLACEHOLDER}\n`,
  `services:\n  a:\n    image: x:1\n    environment:\n      PASSWORD: ${PLACEHOLDER}\n      URL: ${PLACEHOLDER}\n    ports:\n      - ${PLACEHOLDER}\n    volumes:\n      - ${PLACEHOLDER}\n    networks: [${PLACEHOLDER}]\n    depends_on: [${PLACEHOLDER}]\n    security_opt: [${PLACEHOLDER}]\n    cap_add: [${PLACEHOLDER}]\n    logging:\n      driver: ${PLACEHOLDER}\n`,
];

/** Replaces the placeholder in every string reachable from `value`, in place. */
function inflate(value: unknown, big: string, seen = new Set<unknown>()): unknown {
  if (typeof value === "string") return value.includes(PLACEHOLDER) ? value.split(PLACEHOLDER).join(big) : value;
  if (!value || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => (value[i] = inflate(v, big, seen)));
    return value;
  }
  for (const key of Object.keys(value)) {
    const desc = Object.getOwnPropertyDescriptor(value, key);
    if (desc?.get) inflate(desc.get.call(value), big, seen);
    else if (desc?.writable) (value as Record<string, unknown>)[key] = inflate(desc.value, big, seen);
  }
  return value;
}

function dockerfileModel(text: string, big: string) {
  const model = parseDockerfile("Dockerfile", text);
  for (const ins of model.instructions) void ins.script;
  return inflate(model, big) as typeof model;
}

function composeModel(text: string, big: string) {
  const model = parseCompose("compose.yaml", text);
  visit(model.doc, { Scalar: (_k, node) => void (isScalar(node) && typeof node.value === "string" && (node.value = inflate(node.value, big) as string)) });
  const data = model.data as Record<string, unknown>;
  const services = data.services as Record<string, unknown>;
  for (const key of Object.keys(services)) {
    if (!key.includes(PLACEHOLDER)) continue;
    services[key.split(PLACEHOLDER).join(big)] = services[key];
    delete services[key];
  }
  return inflate(model, big) as typeof model;
}

/**
 * A rule runs several linear passes over each string, a few milliseconds each over 1 MB; one pass
 * that backtracks (quadratic or worse) over 1 MB takes minutes. The budget sits far from both, so
 * a machine busy with other jobs (several times slower) does not read as backtracking.
 */
const BUDGET_MS = 1000;

function timeRule(rule: Rule, model: unknown, project: unknown): number {
  return bestOfThree(() => {
    try {
      (rule.check as (ctx: unknown) => void)({ model, project, options: { ...rule.meta.options }, report: () => {} });
    } catch {
      /* a rule that throws is caught by the corpus and hostile tests; this one is about time */
    }
  }, BUDGET_MS);
}

describe("every rule on 1 MB strings made to defeat backtracking", () => {
  it.each(Object.entries(LINES))(`stays under ${BUDGET_MS} ms per rule and model with %s`, (name, big) => {
    const slow: string[] = [];
    for (const text of DOCKERFILES) {
      const model = dockerfileModel(text, big);
      const project = buildProject({ dockerfiles: [model], composeFiles: [], dockerignores: [] });
      for (const rule of rules.filter((r) => r.meta.target === "dockerfile")) {
        const ms = timeRule(rule, model, project);
        if (ms > BUDGET_MS) slow.push(`${rule.meta.id} on ${JSON.stringify(text.slice(12, 40))}: ${ms.toFixed(0)} ms`);
      }
    }
    for (const text of COMPOSES) {
      const model = composeModel(text, big);
      const project = buildProject({ dockerfiles: [], composeFiles: [model], dockerignores: [] });
      for (const rule of rules.filter((r) => r.meta.target === "compose")) {
        const ms = timeRule(rule, model, project);
        if (ms > BUDGET_MS) slow.push(`${rule.meta.id} on ${JSON.stringify(text.slice(0, 30))}: ${ms.toFixed(0)} ms`);
      }
    }
    expect({ line: name, slow }).toEqual({ line: name, slow: [] });
  }, 120_000);
});
