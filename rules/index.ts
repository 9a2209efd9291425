import type { Rule } from "../src/engine/rule.js";
import { composeRules } from "./compose/index.js";
import { dockerfileRules } from "./dockerfile/index.js";

/** The registry: every rule the engine runs, Dockerfile rules first. */
export const rules: readonly Rule[] = [...dockerfileRules, ...composeRules];
