import type { CorpusFile } from "../../bench/corpus.js";
import { ChildDied, type Request } from "../../bench/ipc.js";
import { peerPass, type PeerChild, type PeerPass, type PeerState } from "../../bench/peer-pass.js";

/** What a fake child does with one request: answer it, or fail with the error. */
type Answer = PeerPass | Error;

/** A peer process that answers from a script and records what it was asked. */
class FakeChild implements PeerChild {
  readonly requests: { req: Request; timeoutMs?: number }[] = [];
  constructor(private readonly answers: Answer[]) {}

  async request<T>(req: Request, timeoutMs?: number): Promise<T> {
    this.requests.push({ req, timeoutMs });
    const answer = this.answers.shift();
    if (!answer) throw new Error("the fake child has no answer left");
    if (answer instanceof Error) throw answer;
    return answer as unknown as T;
  }

  async close(): Promise<void> {}
}

const file = (i: number): CorpusFile => ({ abs: `/corpus/f${i}`, project: "o__r", path: `f${i}`, kind: "compose", bytes: 100 });
const pass = (files: number, crashed: PeerPass["crashed"] = []): PeerPass => ({ ms: 10, cpuMs: 9, files, issues: 3, crashed, maxRssMiB: 50 });

/** A peer over `n` files whose successive processes answer from `scripts`, one script per process. */
function setUp(n: number, scripts: Answer[][]) {
  const state: PeerState = { name: "dclint", files: Array.from({ length: n }, (_, i) => file(i)), excluded: new Map(), child: null, version: "?", loadMs: 0, passes: [] };
  const started: FakeChild[] = [];
  const start = async (s: PeerState) => {
    const script = scripts[started.length];
    if (!script) throw new Error("no more processes to start");
    const child = new FakeChild([...script]);
    started.push(child);
    s.child = child;
  };
  const filesOf = (child: FakeChild, k: number) => child.requests[k].req.files;
  return { state, start, started, filesOf };
}

const abs = (...is: number[]) => is.map((i) => `/corpus/f${i}`);

describe("peerPass", () => {
  it("returns a clean pass at once, from one process asked once", async () => {
    const clean = pass(3);
    const { state, start, started } = setUp(3, [[clean]]);
    await expect(peerPass(state, false, start)).resolves.toBe(clean);
    expect(started).toHaveLength(1);
    expect(started[0].requests).toEqual([{ req: { cmd: "pass", files: abs(0, 1, 2), progress: false }, timeoutMs: 33_000 }]);
    expect(state.excluded.size).toBe(0);
  });

  it("uses the process it already has without starting one", async () => {
    const { state, start, started } = setUp(2, [[pass(2)]]);
    const existing = new FakeChild([pass(2)]);
    state.child = existing;
    await peerPass(state, true, start);
    expect(started).toHaveLength(0);
    expect(existing.requests).toHaveLength(1);
  });

  it("leaves out a file the peer throws on and runs the pass again without it, with progress", async () => {
    const second = pass(3);
    const { state, start, started, filesOf } = setUp(4, [[pass(4, [{ index: 1, error: "bad indentation" }]), second]]);
    await expect(peerPass(state, false, start)).resolves.toBe(second);
    expect([...state.excluded]).toEqual([["/corpus/f1", "threw: bad indentation"]]);
    expect(started).toHaveLength(1);
    expect(filesOf(started[0], 1)).toEqual(abs(0, 2, 3));
    expect(started[0].requests[1].req.progress).toBe(true);
    expect(started[0].requests[1].timeoutMs).toBe(33_000);
  });

  it("reads a crash's index in the files of that pass, not in all the peer's files", async () => {
    const { state, start } = setUp(4, [[pass(3, [{ index: 0, error: "e1" }, { index: 2, error: "e2" }]), pass(1)]]);
    state.excluded.set("/corpus/f0", "threw: earlier");
    await peerPass(state, true, start);
    expect([...state.excluded.keys()]).toEqual(abs(0, 1, 3));
    expect(state.excluded.get("/corpus/f3")).toBe("threw: e2");
  });

  it("leaves out the file a dying process was on and starts a new process", async () => {
    const clean = pass(3);
    const { state, start, started, filesOf } = setUp(4, [[new ChildDied("killed by SIGSEGV", 2)], [clean]]);
    await expect(peerPass(state, false, start)).resolves.toBe(clean);
    expect([...state.excluded]).toEqual([["/corpus/f2", "took the process down: killed by SIGSEGV"]]);
    expect(started).toHaveLength(2);
    expect(state.child).toBe(started[1]);
    expect(filesOf(started[1], 0)).toEqual(abs(0, 1, 3));
    expect(started[1].requests[0].req.progress).toBe(true);
  });

  it("gives up when the process dies before its first file", async () => {
    const { state, start, started } = setUp(3, [[new ChildDied("exited with code 1: Cannot find module", null)]]);
    await expect(peerPass(state, true, start)).rejects.toThrow("dclint died before its first file: exited with code 1: Cannot find module");
    expect(state.child).toBeNull();
    expect(state.excluded.size).toBe(0);
    expect(started).toHaveLength(1);
  });

  it("rethrows an error that is not the process dying, leaving the process in place", async () => {
    const error = new Error("init first");
    const { state, start, started } = setUp(3, [[error]]);
    await expect(peerPass(state, true, start)).rejects.toBe(error);
    expect(state.child).toBe(started[0]);
    expect(state.excluded.size).toBe(0);
  });

  it("still succeeds when the 20th attempt is clean", async () => {
    const crashes = Array.from({ length: 19 }, (_, k) => pass(30 - k, [{ index: 0, error: `e${k}` }]));
    const clean = pass(11);
    const { state, start, started } = setUp(30, [[...crashes, clean]]);
    await expect(peerPass(state, true, start)).resolves.toBe(clean);
    expect(state.excluded.size).toBe(19);
    expect(started[0].requests).toHaveLength(20);
  });

  it("gives up after 20 attempts that each crash", async () => {
    const crashes = Array.from({ length: 21 }, (_, k) => pass(30 - k, [{ index: 0, error: `e${k}` }]));
    const { state, start, started } = setUp(30, [[...crashes]]);
    await expect(peerPass(state, true, start)).rejects.toThrow("dclint: too many crashing files");
    expect(started[0].requests).toHaveLength(20);
    expect(state.excluded.size).toBe(20);
  });

  it("gives up after 20 processes that each die", async () => {
    const scripts = Array.from({ length: 21 }, () => [new ChildDied("killed by SIGABRT", 0)]);
    const { state, start, started } = setUp(30, scripts);
    await expect(peerPass(state, true, start)).rejects.toThrow("dclint: too many crashing files");
    expect(started).toHaveLength(20);
    expect([...state.excluded.keys()]).toEqual(abs(...Array.from({ length: 20 }, (_, i) => i)));
  });
});
