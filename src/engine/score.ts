import type { Grade } from "./config.js";
import type { ProjectService } from "./project.js";
import { CATEGORIES, type Category, type Finding, type Severity } from "./types.js";

export interface Score {
  score: number;
  grade: Grade;
}

export type Scores = Record<Category | "overall", Score>;

export interface Coverage {
  services: number;
  nonRoot: number;
  /** The services a healthcheck and a restart policy are asked of (run-once jobs left out). */
  longRunning: number;
  /** Long-running services with a healthcheck. */
  healthcheck: number;
  /** Long-running services with a restart policy other than `no`. */
  restart: number;
  memoryLimit: number;
  cpuLimit: number;
}

export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 10, warning: 4, info: 1 };
export const CATEGORY_WEIGHT: Record<Category, number> = { security: 0.35, reliability: 0.3, efficiency: 0.2, maintainability: 0.15 };
/** How much finding weight one unit of size (a stage or a service) absorbs before a score falls to 1/e of 100. */
export const TOLERANCE = 20;
/** Share of a category score that comes from coverage ratios when services exist. */
export const COVERAGE_SHARE = 0.4;

export function coverageOf(services: readonly ProjectService[]): Coverage {
  const full = services.filter((s) => !s.compose.partial);
  const count = (pred: (s: ProjectService) => boolean) => full.filter(pred).length;
  const longRunning = full.filter((s) => s.lifecycle === "long-running");
  return {
    services: full.length,
    nonRoot: count((s) => s.user.root === false),
    longRunning: longRunning.length,
    healthcheck: longRunning.filter((s) => s.healthcheck.defined).length,
    restart: longRunning.filter((s) => !!s.restart && s.restart !== "no").length,
    memoryLimit: count((s) => !!s.limits.memory),
    cpuLimit: count((s) => !!s.limits.cpus),
  };
}

/** Share (0..1) of services covered per category; unknown users count half. */
function coverageRatio(category: Category, c: Coverage, services: readonly ProjectService[]): number | null {
  if (!c.services) return null;
  switch (category) {
    case "security": {
      const unknown = services.filter((s) => !s.compose.partial && s.user.root === null).length;
      return (c.nonRoot + unknown / 2) / c.services;
    }
    case "reliability":
      return c.longRunning ? (c.healthcheck + c.restart) / (2 * c.longRunning) : null;
    case "efficiency":
      return (c.memoryLimit + c.cpuLimit) / (2 * c.services);
    default:
      return null;
  }
}

export function gradeOf(score: number): Grade {
  if (score >= 97) return "A+";
  if (score >= 90) return "A";
  if (score >= 80) return "B";
  if (score >= 70) return "C";
  if (score >= 60) return "D";
  return "F";
}

/**
 * Scores each category from 0 to 100. The finding part decays exponentially with the summed
 * severity weights per unit of size (stages + services), so that a large repository is not
 * punished for being large; the coverage part is the share of services with a non-root user, a
 * healthcheck and restart policy (long-running services only), or limits. `unlisted` is the weight
 * of findings the run counted but did not list (past its finding limits), per category.
 */
export function computeScores(
  findings: readonly Finding[],
  services: readonly ProjectService[],
  units: number,
  unlisted: Readonly<Partial<Record<Category, number>>> = {},
): { scores: Scores; coverage: Coverage } {
  const coverage = coverageOf(services);
  const size = Math.max(1, units);
  const scores = {} as Scores;
  let overall = 0;
  for (const category of CATEGORIES) {
    const weight = findings.filter((f) => f.category === category).reduce((sum, f) => sum + SEVERITY_WEIGHT[f.severity], unlisted[category] ?? 0);
    const findingScore = 100 * Math.exp(-weight / (TOLERANCE * size));
    const ratio = coverageRatio(category, coverage, services);
    const score = ratio === null ? findingScore : COVERAGE_SHARE * 100 * ratio + (1 - COVERAGE_SHARE) * findingScore;
    const rounded = Math.round(score);
    scores[category] = { score: rounded, grade: gradeOf(rounded) };
    overall += CATEGORY_WEIGHT[category] * score;
  }
  const rounded = Math.round(overall);
  scores.overall = { score: rounded, grade: gradeOf(rounded) };
  return { scores, coverage };
}
