import type { ComposeRule } from "../../src/engine/rule.js";
// One import per line, sorted by id; the catalogue test checks this list against the folder.
import cgroupParentCustom from "./cgroup-parent-custom.js";
import datastorePortPublished from "./datastore-port-published.js";
import hostIpc from "./host-ipc.js";
import hostNetwork from "./host-network.js";
import hostPid from "./host-pid.js";
import hostUserns from "./host-userns.js";
import privileged from "./privileged.js";

export const composeRules: ComposeRule[] = [
  cgroupParentCustom,
  datastorePortPublished,
  hostIpc,
  hostNetwork,
  hostPid,
  hostUserns,
  privileged,
];
