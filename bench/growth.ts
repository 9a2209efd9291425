/**
 * How the audit's time grows with one repeated construct: each case is audited at n and at 4n
 * repetitions, both within the default limits. A cost linear in the file gives a ratio near 4, one
 * that grows with the square of it near 16; a ratio past SUPERLINEAR names a cost to look at. This
 * is how a FROM of `${a:-b}` variables (quadratic in dockerfile-ast) and long `volumes` lists
 * (quadratic in the schema's uniqueness check) were found.
 */
export interface GrowthCase {
  name: string;
  path: string;
  /** Repetitions of the small run; the large one has four times as many. */
  n: number;
  build(n: number): string;
}

/** Past this ratio of 4n's time to n's, a case grows faster than the file (linear is about 4). */
export const SUPERLINEAR = 8;

const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join("\n");

export const GROWTH_CASES: readonly GrowthCase[] = [
  { name: "FROM of defaulted variables", path: "Dockerfile", n: 35_000, build: (n) => `FROM ${"${a:-b}".repeat(n)}\n` },
  { name: "FROM of registry, tag and digest separators", path: "Dockerfile", n: 40_000, build: (n) => `FROM ${"a:b/c@".repeat(n)}x\n` },
  { name: "COPY sources", path: "Dockerfile", n: 120_000, build: (n) => `FROM alpine:3.20\nCOPY ${"a ".repeat(n)}/x/\n` },
  { name: "COPY flags with variables", path: "Dockerfile", n: 15_000, build: (n) => `FROM alpine:3.20\nCOPY ${"--from=${a:-b} ".repeat(n)}a /b\n` },
  { name: "ENV properties with variables", path: "Dockerfile", n: 20_000, build: (n) => `FROM alpine:3.20\nENV ${"a=${b:-c} ".repeat(n)}\n` },
  { name: "LABEL values in single quotes", path: "Dockerfile", n: 35_000, build: (n) => `FROM alpine:3.20\nLABEL ${"a='$b' ".repeat(n)}\n` },
  { name: "EXPOSE ports", path: "Dockerfile", n: 35_000, build: (n) => `FROM alpine:3.20\nEXPOSE ${"80/tcp ".repeat(n)}\n` },
  { name: "CMD exec-form items", path: "Dockerfile", n: 50_000, build: (n) => `FROM alpine:3.20\nCMD [${'"a",'.repeat(n)}"b"]\n` },
  { name: "RUN expansions", path: "Dockerfile", n: 2_000, build: (n) => `FROM alpine:3.20\nRUN echo ${"${a:-b}".repeat(n)}\n` },
  { name: "global ARGs used by as many FROMs", path: "Dockerfile", n: 240, build: (n) => `${rows(n, (i) => `ARG A${i}=x`)}\n${rows(n, (i) => `FROM alpine:$A${i} AS s${i}`)}\n` },
  {
    name: "stages copying from the one before",
    path: "Dockerfile",
    n: 240,
    build: (n) => `${rows(n, (i) => `FROM alpine:3.20 AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /a /a`)}\n`,
  },
  { name: "RUN pipeline stages", path: "Dockerfile", n: 4_000, build: (n) => `FROM alpine:3.20\nRUN ${"a | ".repeat(n)}b\n` },
  { name: "COPY heredoc instructions", path: "Dockerfile", n: 160, build: (n) => `FROM alpine:3.20\n${rows(n, (i) => `COPY <<EOF /f${i}\nx\nEOF`)}\n` },
  {
    name: "stage ARGs used by as many RUNs",
    path: "Dockerfile",
    n: 240,
    build: (n) => `FROM alpine:3.20\n${rows(n, (i) => `ARG A${i}`)}\n${rows(n, (i) => `RUN echo $A${i} $B${i}`)}\n`,
  },
  { name: "service volumes", path: "compose.yaml", n: 4_500, build: (n) => `services:\n  a:\n    image: x\n    volumes:\n${rows(n, (i) => `      - ./d${i}:/d${i}`)}\n` },
  { name: "service ports", path: "compose.yaml", n: 4_500, build: (n) => `services:\n  a:\n    image: x\n    ports:\n${rows(n, (i) => `      - "${1000 + i}:80"`)}\n` },
  {
    name: "environment list with defaults",
    path: "compose.yaml",
    n: 4_500,
    build: (n) => `services:\n  a:\n    image: x\n    environment:\n${rows(n, (i) => `      - V${i}=\${X:-y}`)}\n`,
  },
  {
    name: "environment of secret-like names",
    path: "compose.yaml",
    n: 4_500,
    build: (n) => `services:\n  a:\n    image: x\n    environment:\n${rows(n, (i) => `      DB_PASSWORD_${i}: hunter${i}`)}\n`,
  },
  {
    name: "one mapping merging many anchors",
    path: "compose.yaml",
    n: 1_500,
    build: (n) => `${rows(n, (i) => `x-a${i}: &a${i}\n  e${i}: 1`)}\nservices:\n  a:\n    image: x\n    labels:\n      <<: [${Array.from({ length: n }, (_, i) => `*a${i}`).join(", ")}]\n`,
  },
  { name: "services extending one base", path: "compose.yaml", n: 1_500, build: (n) => `services:\n  base:\n    image: x\n${rows(n, (i) => `  s${i}:\n    extends: base`)}\n` },
  {
    name: "services depending on the ones before",
    path: "compose.yaml",
    n: 1_200,
    build: (n) => `services:\n${rows(n, (i) => `  s${i}:\n    image: x\n    depends_on: [${i ? `s${i - 1}` : ""}]`)}\n`,
  },
  {
    name: "services on shared networks with ports",
    path: "compose.yaml",
    n: 900,
    build: (n) => `services:\n${rows(n, (i) => `  s${i}:\n    image: x\n    networks: [n${i % 20}]\n    ports: ["${1000 + i}:80"]`)}\nnetworks:\n${rows(20, (i) => `  n${i}: {}`)}\n`,
  },
];

export interface Growth {
  name: string;
  n: number;
  smallMs: number;
  largeMs: number;
  ratio: number;
  superlinear: boolean;
}

/** Each size is audited until this much time is measured (and at least `rounds` times, at most MAX_ROUNDS). */
export const MIN_TIMED_MS = 200;
export const MAX_ROUNDS = 30;

/**
 * The mean time of the audits of the case at n and at 4n, each size audited once before (the first
 * audit of a construct compiles its code paths), and their ratio. A mean, not the best run: the
 * best of a few small runs is one that no collection fell into, which a large run cannot be. A
 * size that audits in a few milliseconds is repeated until MIN_TIMED_MS have passed, so that one
 * collection or recompilation does not decide its mean.
 */
export function measureGrowth(c: GrowthCase, rounds: number, audit: (path: string, content: string) => void, clock: () => number): Growth {
  const mean = (content: string) => {
    audit(c.path, content);
    const start = clock();
    let runs = 0;
    do {
      audit(c.path, content);
      runs++;
    } while (runs < MAX_ROUNDS && (runs < rounds || clock() - start < MIN_TIMED_MS));
    return (clock() - start) / runs;
  };
  const smallMs = mean(c.build(c.n));
  const largeMs = mean(c.build(4 * c.n));
  const ratio = largeMs / Math.max(smallMs, 0.001);
  return { name: c.name, n: c.n, smallMs, largeMs, ratio, superlinear: ratio > SUPERLINEAR };
}
