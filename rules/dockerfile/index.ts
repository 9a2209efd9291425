import type { DockerfileRule } from "../../src/engine/rule.js";
// One import per line, sorted by id; the catalogue test checks this list against the folder.
import addForArchives from "./add-for-archives.js";
import addInsteadOfCopy from "./add-instead-of-copy.js";
import addRemoteUrl from "./add-remote-url.js";
import aptNotAptGet from "./apt-not-apt-get.js";
import cdInRun from "./cd-in-run.js";
import chownOnCopy from "./chown-on-copy.js";
import chpasswdInRun from "./chpasswd-in-run.js";
import distroUpgrade from "./distro-upgrade.js";
import dockerSocketInDockerfile from "./docker-socket-in-dockerfile.js";
import duplicateSingletonInstruction from "./duplicate-singleton-instruction.js";
import execFormCmd from "./exec-form-cmd.js";
import exposeSsh from "./expose-ssh.js";
import instructionCasing from "./instruction-casing.js";
import legacyKeyValue from "./legacy-key-value.js";
import maintainerDeprecated from "./maintainer-deprecated.js";
import packageSignatureBypass from "./package-signature-bypass.js";
import pipExtraIndexUrl from "./pip-extra-index-url.js";
import pipefailMissing from "./pipefail-missing.js";
import pkgNoninteractiveFlag from "./pkg-noninteractive-flag.js";
import pointlessCommand from "./pointless-command.js";
import runSecurityInsecure from "./run-security-insecure.js";
import secretFileCopied from "./secret-file-copied.js";
import secretLiteralValue from "./secret-literal-value.js";
import secretNamedArgEnv from "./secret-named-arg-env.js";
import shellChangeViaRun from "./shell-change-via-run.js";
import sudoInRun from "./sudo-in-run.js";
import tlsVerificationDisabled from "./tls-verification-disabled.js";
import unnamedStageRef from "./unnamed-stage-ref.js";
import untrustedRegistry from "./untrusted-registry.js";
import updateWithoutInstall from "./update-without-install.js";
import userMissing from "./user-missing.js";
import userNonNumeric from "./user-non-numeric.js";
import userRoot from "./user-root.js";
import wgetAndCurl from "./wget-and-curl.js";
import wgetProgress from "./wget-progress.js";
import workdirSystemDir from "./workdir-system-dir.js";

export const dockerfileRules: DockerfileRule[] = [
  addForArchives,
  addInsteadOfCopy,
  addRemoteUrl,
  aptNotAptGet,
  cdInRun,
  chownOnCopy,
  chpasswdInRun,
  distroUpgrade,
  dockerSocketInDockerfile,
  duplicateSingletonInstruction,
  execFormCmd,
  exposeSsh,
  instructionCasing,
  legacyKeyValue,
  maintainerDeprecated,
  packageSignatureBypass,
  pipExtraIndexUrl,
  pipefailMissing,
  pkgNoninteractiveFlag,
  pointlessCommand,
  runSecurityInsecure,
  secretFileCopied,
  secretLiteralValue,
  secretNamedArgEnv,
  shellChangeViaRun,
  sudoInRun,
  tlsVerificationDisabled,
  unnamedStageRef,
  untrustedRegistry,
  updateWithoutInstall,
  userMissing,
  userNonNumeric,
  userRoot,
  wgetAndCurl,
  wgetProgress,
  workdirSystemDir,
];
