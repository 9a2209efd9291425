import type { ComposeRule } from "../../src/engine/rule.js";
// One import per line, sorted by id; the catalogue test checks this list against the folder.
import apparmorSelinuxDisabled from "./apparmor-selinux-disabled.js";
import buildAndImage from "./build-and-image.js";
import buildPathMissing from "./build-path-missing.js";
import capabilitiesUnrestricted from "./capabilities-unrestricted.js";
import cgroupParentCustom from "./cgroup-parent-custom.js";
import composeExecFormCommandLine from "./compose-exec-form-command-line.js";
import composeHealthcheckMissing from "./compose-healthcheck-missing.js";
import composeSingleWorkerServer from "./compose-single-worker-server.js";
import cpuLimitMissing from "./cpu-limit-missing.js";
import datastorePortPublished from "./datastore-port-published.js";
import dependsOnCycle from "./depends-on-cycle.js";
import dependsOnNotHealthy from "./depends-on-not-healthy.js";
import dependsOnOrder from "./depends-on-order.js";
import dockerSocketMount from "./docker-socket-mount.js";
import duplicateContainerName from "./duplicate-container-name.js";
import duplicateHostPort from "./duplicate-host-port.js";
import extendsCycle from "./extends-cycle.js";
import flatNetwork from "./flat-network.js";
import hardcodedSecret from "./hardcoded-secret.js";
import hostIpc from "./host-ipc.js";
import hostNetwork from "./host-network.js";
import hostPid from "./host-pid.js";
import hostUserns from "./host-userns.js";
import imageTagUnpinned from "./image-tag-unpinned.js";
import invalidContainerName from "./invalid-container-name.js";
import loggingRotationMissing from "./logging-rotation-missing.js";
import memoryLimitMissing from "./memory-limit-missing.js";
import mountPropagationShared from "./mount-propagation-shared.js";
import noNewPrivilegesMissing from "./no-new-privileges-missing.js";
import pidsLimitMissing from "./pids-limit-missing.js";
import portAllInterfaces from "./port-all-interfaces.js";
import portsOrder from "./ports-order.js";
import portsQuoted from "./ports-quoted.js";
import privileged from "./privileged.js";
import privilegedContainerPort from "./privileged-container-port.js";
import privilegedHostPort from "./privileged-host-port.js";
import projectNameMissing from "./project-name-missing.js";
import restartOnFailureRetries from "./restart-on-failure-retries.js";
import restartPolicyMissing from "./restart-policy-missing.js";
import rootfsWritable from "./rootfs-writable.js";
import runsAsRoot from "./runs-as-root.js";
import schemaInvalid from "./schema-invalid.js";
import seccompUnconfined from "./seccomp-unconfined.js";
import secretDefaultFallback from "./secret-default-fallback.js";
import securityOptMissing from "./security-opt-missing.js";
import sensitiveHostMount from "./sensitive-host-mount.js";
import serviceKeysOrder from "./service-keys-order.js";
import servicesOrder from "./services-order.js";
import topLevelOrder from "./top-level-order.js";
import undefinedReference from "./undefined-reference.js";
import versionFieldObsolete from "./version-field-obsolete.js";
import volumeSharedBetweenServices from "./volume-shared-between-services.js";
import volumesUnquoted from "./volumes-unquoted.js";

export const composeRules: ComposeRule[] = [
  apparmorSelinuxDisabled,
  buildAndImage,
  buildPathMissing,
  capabilitiesUnrestricted,
  cgroupParentCustom,
  composeExecFormCommandLine,
  composeHealthcheckMissing,
  composeSingleWorkerServer,
  cpuLimitMissing,
  datastorePortPublished,
  dependsOnCycle,
  dependsOnNotHealthy,
  dependsOnOrder,
  dockerSocketMount,
  duplicateContainerName,
  duplicateHostPort,
  extendsCycle,
  flatNetwork,
  hardcodedSecret,
  hostIpc,
  hostNetwork,
  hostPid,
  hostUserns,
  imageTagUnpinned,
  invalidContainerName,
  loggingRotationMissing,
  memoryLimitMissing,
  mountPropagationShared,
  noNewPrivilegesMissing,
  pidsLimitMissing,
  portAllInterfaces,
  portsOrder,
  portsQuoted,
  privileged,
  privilegedContainerPort,
  privilegedHostPort,
  projectNameMissing,
  restartOnFailureRetries,
  restartPolicyMissing,
  rootfsWritable,
  runsAsRoot,
  schemaInvalid,
  seccompUnconfined,
  secretDefaultFallback,
  securityOptMissing,
  sensitiveHostMount,
  serviceKeysOrder,
  servicesOrder,
  topLevelOrder,
  undefinedReference,
  versionFieldObsolete,
  volumeSharedBetweenServices,
  volumesUnquoted,
];
