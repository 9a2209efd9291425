import type { DockerfileRule } from "../../src/engine/rule.js";
// One import per line, sorted by id; the catalogue test checks this list against the folder.
import userMissing from "./user-missing.js";

export const dockerfileRules: DockerfileRule[] = [
  userMissing,
];
