import type { DockerfileRule } from "../../src/engine/rule.js";
// One import per line, sorted by id; the catalogue test checks this list against the folder.
import addInsteadOfCopy from "./add-instead-of-copy.js";
import addRemoteUrl from "./add-remote-url.js";
import exposeSsh from "./expose-ssh.js";
import sudoInRun from "./sudo-in-run.js";
import userMissing from "./user-missing.js";
import userNonNumeric from "./user-non-numeric.js";
import userRoot from "./user-root.js";

export const dockerfileRules: DockerfileRule[] = [
  addInsteadOfCopy,
  addRemoteUrl,
  exposeSsh,
  sudoInRun,
  userMissing,
  userNonNumeric,
  userRoot,
];
