import type { DockerfileRule } from "../../src/engine/rule.js";
// One import per line, sorted by id; the catalogue test checks this list against the folder.
import addForArchives from "./add-for-archives.js";
import addInsteadOfCopy from "./add-instead-of-copy.js";
import addRemoteUrl from "./add-remote-url.js";
import apkNoCache from "./apk-no-cache.js";
import apkVersionUnpinned from "./apk-version-unpinned.js";
import aptListsNotRemoved from "./apt-lists-not-removed.js";
import aptNoInstallRecommends from "./apt-no-install-recommends.js";
import aptNotAptGet from "./apt-not-apt-get.js";
import aptVersionUnpinned from "./apt-version-unpinned.js";
import buildToolsInFinalStage from "./build-tools-in-final-stage.js";
import cdInRun from "./cd-in-run.js";
import chownOnCopy from "./chown-on-copy.js";
import chpasswdInRun from "./chpasswd-in-run.js";
import copyAllBeforeDeps from "./copy-all-before-deps.js";
import copyFromSelf from "./copy-from-self.js";
import copyFromUnknownStage from "./copy-from-unknown-stage.js";
import copyIgnoredFile from "./copy-ignored-file.js";
import copyMultiSrcNeedsSlash from "./copy-multi-src-needs-slash.js";
import copyRelativeWithoutWorkdir from "./copy-relative-without-workdir.js";
import copySourceMissing from "./copy-source-missing.js";
import copyWholeStageFs from "./copy-whole-stage-fs.js";
import definitionDescription from "./definition-description.js";
import devDepsInProd from "./dev-deps-in-prod.js";
import distroUpgrade from "./distro-upgrade.js";
import dnfCleanMissing from "./dnf-clean-missing.js";
import dockerSocketInDockerfile from "./docker-socket-in-dockerfile.js";
import dockerfileSyntax from "./dockerfile-syntax.js";
import dockerignoreMissing from "./dockerignore-missing.js";
import duplicateSingletonInstruction from "./duplicate-singleton-instruction.js";
import duplicateStageName from "./duplicate-stage-name.js";
import emptyContinuation from "./empty-continuation.js";
import execFormCmd from "./exec-form-cmd.js";
import execFormCommandLine from "./exec-form-command-line.js";
import exposeInvalid from "./expose-invalid.js";
import exposeSsh from "./expose-ssh.js";
import firstInstruction from "./first-instruction.js";
import fromPlatformFlag from "./from-platform-flag.js";
import gemVersionUnpinned from "./gem-version-unpinned.js";
import goInstallUnpinned from "./go-install-unpinned.js";
import healthcheckMissing from "./healthcheck-missing.js";
import imageDigestUnpinned from "./image-digest-unpinned.js";
import imageTagLatest from "./image-tag-latest.js";
import imageTagMissing from "./image-tag-missing.js";
import instructionCasing from "./instruction-casing.js";
import labelSchema from "./label-schema.js";
import legacyKeyValue from "./legacy-key-value.js";
import maintainerDeprecated from "./maintainer-deprecated.js";
import npmVersionUnpinned from "./npm-version-unpinned.js";
import onbuildIllegal from "./onbuild-illegal.js";
import packageSignatureBypass from "./package-signature-bypass.js";
import pipCacheKept from "./pip-cache-kept.js";
import pipExtraIndexUrl from "./pip-extra-index-url.js";
import pipVersionUnpinned from "./pip-version-unpinned.js";
import pipefailMissing from "./pipefail-missing.js";
import pkgNoninteractiveFlag from "./pkg-noninteractive-flag.js";
import pointlessCommand from "./pointless-command.js";
import reservedStageName from "./reserved-stage-name.js";
import rpmVersionUnpinned from "./rpm-version-unpinned.js";
import runConsolidation from "./run-consolidation.js";
import runSecurityInsecure from "./run-security-insecure.js";
import secretFileCopied from "./secret-file-copied.js";
import secretLiteralValue from "./secret-literal-value.js";
import secretNamedArgEnv from "./secret-named-arg-env.js";
import shellChangeViaRun from "./shell-change-via-run.js";
import shellcheck from "./shellcheck.js";
import singleWorkerServer from "./single-worker-server.js";
import sudoInRun from "./sudo-in-run.js";
import suppressionUsed from "./suppression-used.js";
import tlsVerificationDisabled from "./tls-verification-disabled.js";
import undefinedVariable from "./undefined-variable.js";
import unnamedStageRef from "./unnamed-stage-ref.js";
import untrustedRegistry from "./untrusted-registry.js";
import updateWithoutInstall from "./update-without-install.js";
import userMissing from "./user-missing.js";
import userNonNumeric from "./user-non-numeric.js";
import userRoot from "./user-root.js";
import useraddLastlogBloat from "./useradd-lastlog-bloat.js";
import wgetAndCurl from "./wget-and-curl.js";
import wgetProgress from "./wget-progress.js";
import workdirRelative from "./workdir-relative.js";
import workdirSystemDir from "./workdir-system-dir.js";
import yarnCacheKept from "./yarn-cache-kept.js";
import yumCleanMissing from "./yum-clean-missing.js";
import zypperCleanMissing from "./zypper-clean-missing.js";
import zypperVersionUnpinned from "./zypper-version-unpinned.js";

export const dockerfileRules: DockerfileRule[] = [
  addForArchives,
  addInsteadOfCopy,
  addRemoteUrl,
  apkNoCache,
  apkVersionUnpinned,
  aptListsNotRemoved,
  aptNoInstallRecommends,
  aptNotAptGet,
  aptVersionUnpinned,
  buildToolsInFinalStage,
  cdInRun,
  chownOnCopy,
  chpasswdInRun,
  copyAllBeforeDeps,
  copyFromSelf,
  copyFromUnknownStage,
  copyIgnoredFile,
  copyMultiSrcNeedsSlash,
  copyRelativeWithoutWorkdir,
  copySourceMissing,
  copyWholeStageFs,
  definitionDescription,
  devDepsInProd,
  distroUpgrade,
  dnfCleanMissing,
  dockerSocketInDockerfile,
  dockerfileSyntax,
  dockerignoreMissing,
  duplicateSingletonInstruction,
  duplicateStageName,
  emptyContinuation,
  execFormCmd,
  execFormCommandLine,
  exposeInvalid,
  exposeSsh,
  firstInstruction,
  fromPlatformFlag,
  gemVersionUnpinned,
  goInstallUnpinned,
  healthcheckMissing,
  imageDigestUnpinned,
  imageTagLatest,
  imageTagMissing,
  instructionCasing,
  labelSchema,
  legacyKeyValue,
  maintainerDeprecated,
  npmVersionUnpinned,
  onbuildIllegal,
  packageSignatureBypass,
  pipCacheKept,
  pipExtraIndexUrl,
  pipVersionUnpinned,
  pipefailMissing,
  pkgNoninteractiveFlag,
  pointlessCommand,
  reservedStageName,
  rpmVersionUnpinned,
  runConsolidation,
  runSecurityInsecure,
  secretFileCopied,
  secretLiteralValue,
  secretNamedArgEnv,
  shellChangeViaRun,
  shellcheck,
  singleWorkerServer,
  sudoInRun,
  suppressionUsed,
  tlsVerificationDisabled,
  undefinedVariable,
  unnamedStageRef,
  untrustedRegistry,
  updateWithoutInstall,
  userMissing,
  userNonNumeric,
  userRoot,
  useraddLastlogBloat,
  wgetAndCurl,
  wgetProgress,
  workdirRelative,
  workdirSystemDir,
  yarnCacheKept,
  yumCleanMissing,
  zypperCleanMissing,
  zypperVersionUnpinned,
];
