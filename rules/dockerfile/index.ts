import type { DockerfileRule } from "../../src/engine/rule.js";
// One import per line, sorted by id; the catalogue test checks this list against the folder.
import addInsteadOfCopy from "./add-instead-of-copy.js";
import addRemoteUrl from "./add-remote-url.js";
import chownOnCopy from "./chown-on-copy.js";
import chpasswdInRun from "./chpasswd-in-run.js";
import dockerSocketInDockerfile from "./docker-socket-in-dockerfile.js";
import exposeSsh from "./expose-ssh.js";
import packageSignatureBypass from "./package-signature-bypass.js";
import pipExtraIndexUrl from "./pip-extra-index-url.js";
import runSecurityInsecure from "./run-security-insecure.js";
import secretFileCopied from "./secret-file-copied.js";
import secretLiteralValue from "./secret-literal-value.js";
import secretNamedArgEnv from "./secret-named-arg-env.js";
import sudoInRun from "./sudo-in-run.js";
import tlsVerificationDisabled from "./tls-verification-disabled.js";
import untrustedRegistry from "./untrusted-registry.js";
import userMissing from "./user-missing.js";
import userNonNumeric from "./user-non-numeric.js";
import userRoot from "./user-root.js";
import workdirSystemDir from "./workdir-system-dir.js";

export const dockerfileRules: DockerfileRule[] = [
  addInsteadOfCopy,
  addRemoteUrl,
  chownOnCopy,
  chpasswdInRun,
  dockerSocketInDockerfile,
  exposeSsh,
  packageSignatureBypass,
  pipExtraIndexUrl,
  runSecurityInsecure,
  secretFileCopied,
  secretLiteralValue,
  secretNamedArgEnv,
  sudoInRun,
  tlsVerificationDisabled,
  untrustedRegistry,
  userMissing,
  userNonNumeric,
  userRoot,
  workdirSystemDir,
];
