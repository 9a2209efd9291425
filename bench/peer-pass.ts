/**
 * A peer linter's pass over its files, with the files it crashes on left out: a file it throws
 * on, or takes its process down with, is reported and the pass is run again without it. The
 * process is started by the caller's `start`, so that the retries can be tested without one.
 */
import type { CorpusFile } from "./corpus.js";
import { ChildDied, type Child } from "./ipc.js";
import type { PeerName } from "./peer-driver-types.js";

export interface Pass {
  ms: number;
  cpuMs: number;
  /** Garbage collection during the pass (the engine's measuring process reports it). */
  gcMs?: number;
  files: number;
  findings?: number;
  ruleFailures?: number;
  maxRssMiB: number;
}

export interface PeerPass extends Pass {
  issues: number;
  crashed: { index: number; error: string }[];
}

/** What a pass needs of the peer's process (bench/ipc.ts's Child). */
export type PeerChild = Pick<Child, "request" | "close">;

export interface PeerState {
  name: PeerName;
  files: CorpusFile[];
  /** Absolute path → why it is left out. */
  excluded: Map<string, string>;
  child: PeerChild | null;
  version: string;
  loadMs: number;
  passes: PeerPass[];
  error?: string;
}

/** Starts the peer's process: sets `state.child` (and the version and load time it reports). */
export type StartPeer = (state: PeerState) => Promise<void>;

const MAX_ATTEMPTS = 20;

/**
 * One pass of a peer over its files less the ones it crashed on. A file it throws on, or takes
 * its process down with, is reported and left out, and the pass is run again without it.
 */
export async function peerPass(state: PeerState, withProgress: boolean, start: StartPeer): Promise<PeerPass> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const files = state.files.filter((f) => !state.excluded.has(f.abs));
    if (!state.child) await start(state);
    try {
      // dclint runs at about 17 files/s: allow a generous 1 s per file before calling it hung.
      const res = await state.child!.request<PeerPass>({ cmd: "pass", files: files.map((f) => f.abs), progress: withProgress }, 30_000 + files.length * 1000);
      if (!res.crashed.length) return res;
      for (const c of res.crashed) state.excluded.set(files[c.index].abs, `threw: ${c.error}`);
    } catch (e) {
      if (!(e instanceof ChildDied)) throw e;
      state.child = null;
      if (e.lastProgress === null) throw new Error(`${state.name} died before its first file: ${e.message}`);
      state.excluded.set(files[e.lastProgress].abs, `took the process down: ${e.message}`);
    }
    withProgress = true;
  }
  throw new Error(`${state.name}: too many crashing files`);
}
