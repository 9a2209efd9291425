import { execFileSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import { AUDIT_THREAD_HEAP, AUDIT_THREAD_HEAP_FLAGS } from "../../bench/audit-heap.js";
import { AUDIT_HEAP_MB, AUDIT_YOUNG_MB } from "../../src/app/audit-worker.js";

/** Fills the young generation until V8 has grown it to its ceiling, then reports the heap's sizes. */
const PROBE = `const v8 = require("node:v8");
let kept = [];
for (let i = 0; i < 300000; i++) { kept.push({ i, a: [i] }); if (kept.length > 50000) kept = []; }
const sizes = { newSpace: v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size, limit: v8.getHeapStatistics().heap_size_limit };`;

describe("the benchmark's stand-in for an audit thread's heap", () => {
  it("gives a process the same young generation and heap limit as the server gives each audit thread", async () => {
    const worker = new Worker(`${PROBE}\nrequire("node:worker_threads").parentPort.postMessage(sizes);`, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: AUDIT_HEAP_MB, maxYoungGenerationSizeMb: AUDIT_YOUNG_MB },
    });
    const thread = await new Promise<{ newSpace: number; limit: number }>((resolve, reject) => worker.once("message", resolve).once("error", reject));
    await worker.terminate();
    const proc = JSON.parse(execFileSync(process.execPath, [...AUDIT_THREAD_HEAP_FLAGS, "-e", `${PROBE}\nconsole.log(JSON.stringify(sizes))`], { encoding: "utf8" }));
    expect(proc).toEqual(thread);
    // Two semi-spaces of a third of the young generation each.
    expect(thread.newSpace).toBe(((2 * AUDIT_YOUNG_MB) / 3) * 2 ** 20);
    expect(AUDIT_THREAD_HEAP).toBe("the audit threads' heap settings (512 MiB old generation, 24 MiB young)");
  });
});
