import type { ComposeRule } from "../../src/engine/rule.js";
// One import per line, sorted by id; the catalogue test checks this list against the folder.
import datastorePortPublished from "./datastore-port-published.js";

export const composeRules: ComposeRule[] = [
  datastorePortPublished,
];
