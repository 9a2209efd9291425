import { AUDIT_HEAP_MB, AUDIT_YOUNG_MB } from "../src/app/audit-worker.js";

/**
 * Node flags that give a whole process the heap of one of the server's audit threads (their
 * `resourceLimits`): V8 sizes a young generation as three semi-spaces.
 */
export const AUDIT_THREAD_HEAP_FLAGS: readonly string[] = [`--max-old-space-size=${AUDIT_HEAP_MB}`, `--max-semi-space-size=${AUDIT_YOUNG_MB / 3}`];

/** How the report names those settings. */
export const AUDIT_THREAD_HEAP = `the audit threads' heap settings (${AUDIT_HEAP_MB} MiB old generation, ${AUDIT_YOUNG_MB} MiB young)`;
