import { describeParseShare, parseShare, type CpuProfile } from "../../bench/parse-share.js";

const frame = (functionName: string, url = "file:///repo/dist/x.js") => ({ functionName, url });

/**
 * root ─ parseFloorPass ─ parseCompose ─ composeNode (yaml)
 *      │                └ readFileUtf8
 *      ├ auditEnginePass ─ audit ─ parseCompose ─ composeNode (yaml)
 *      │                         └ check (a rule) ─ composeNode (yaml, asked by the rule)
 *      └ (garbage collector)
 */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)", ""), children: [2, 5, 10] },
    { id: 2, callFrame: frame("parseFloorPass"), children: [3, 4] },
    { id: 3, callFrame: frame("parseCompose"), children: [9] },
    { id: 9, callFrame: frame("composeNode", "file:///repo/node_modules/yaml/dist/compose/compose-node.js") },
    { id: 4, callFrame: frame("readFileUtf8", "") },
    { id: 5, callFrame: frame("auditEnginePass"), children: [6] },
    { id: 6, callFrame: frame("audit"), children: [7, 8] },
    { id: 7, callFrame: frame("parseCompose"), children: [11] },
    { id: 11, callFrame: frame("composeNode", "file:///repo/node_modules/yaml/dist/compose/compose-node.js") },
    { id: 8, callFrame: frame("check"), children: [12] },
    { id: 12, callFrame: frame("composeNode", "file:///repo/node_modules/yaml/dist/compose/compose-node.js") },
    { id: 10, callFrame: frame("(garbage collector)", "") },
  ],
  // Each sample stands for the delta that follows it: 1 ms each here, 4 ms for the last floor one.
  samples: [9, 9, 4, 11, 11, 11, 12, 8, 10, 3],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 4000],
};

describe("parse share of floor and engine passes", () => {
  it("charges samples under a parser entry point to the parse, the rest of the pass to other work", () => {
    expect(parseShare(profile)).toEqual({
      floor: { parseMs: 2 + 4, otherMs: 1 },
      engine: { parseMs: 3, otherMs: 2 },
    });
  });

  it("refuses a profile in which a pass function never ran, rather than compare nothing", () => {
    const renamed = { ...profile, nodes: profile.nodes.map((n) => (n.id === 2 ? { ...n, callFrame: frame("floorPass") } : n)) };
    expect(() => parseShare(renamed)).toThrow("no profile samples ran under parseFloorPass(): was the pass function renamed?");
  });

  it("prints per-pass figures and the ratio of the parses", () => {
    const text = describeParseShare({ floor: { parseMs: 600, otherMs: 40 }, engine: { parseMs: 660, otherMs: 900 } }, 2);
    expect(text.split("\n").slice(1).map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ["parse floor", "300", "20"],
      ["engine", "330", "450"],
      ["engine's parse / floor's parse: 1.10"],
    ]);
  });
});
