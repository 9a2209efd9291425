import { join } from "node:path";
import { main } from "../../src/cli/run.js";
import { CORPUS, describeWithCorpus } from "../helpers/corpus.js";

interface JsonReport {
  services: { name: string; file: string; runsAsRoot: boolean | null; restart: string | null; healthcheck: string | null; limits: { memory: string | null; cpus: string | null }; ports: { published: string | null; target: string; hostIp: string | null }[] }[];
  findings: { ruleId: string; file: string; line: number | null; message: string; service: string | null }[];
  scores: Record<string, { score: number; grade: string }>;
}

/** Runs `dockaudit check <seed project> --format json` exactly as a user would. */
function check(project: string): JsonReport {
  let out = "";
  const code = main(["check", join(CORPUS, "seed-projects", project), "--format", "json"], { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: {} });
  expect(code).toBe(1);
  return JSON.parse(out) as JsonReport;
}

describeWithCorpus("the audited seed projects", () => {
  describe("analyticbot at the audited commit 4e4fd87f", () => {
    const report = check("analyticbot/4e4fd87f");
    const services = report.services.filter((s) => s.file === "docker-compose.yml");
    const findings = (ruleId: string, file = "docker-compose.yml") => report.findings.filter((f) => f.ruleId === ruleId && f.file === file);
    const servicesWith = (ruleId: string) => findings(ruleId).map((f) => f.service).sort();

    it("finds the 9 services of docker-compose.yml", () => {
      expect(services.map((s) => s.name).sort()).toEqual(["api", "beat", "bot", "db", "frontend", "frontend-dev", "mtproto", "redis", "worker"]);
    });

    it("sees no resource limits on any of them and reports both", () => {
      expect(services.filter((s) => s.limits.memory || s.limits.cpus)).toEqual([]);
      expect(servicesWith("memory-limit-missing")).toEqual(services.map((s) => s.name).sort());
      expect(servicesWith("cpu-limit-missing")).toEqual(services.map((s) => s.name).sort());
    });

    it("reports the missing restart policy on db and redis only", () => {
      expect(services.filter((s) => !s.restart).map((s) => s.name).sort()).toEqual(["db", "redis"]);
      expect(servicesWith("restart-policy-missing")).toEqual(["db", "redis"]);
    });

    it("reports 5433→5432 and 6380→6379 as datastore ports published on all interfaces", () => {
      const db = services.find((s) => s.name === "db")!;
      const redis = services.find((s) => s.name === "redis")!;
      expect(db.ports).toEqual([{ published: "5433", target: "5432", hostIp: null, protocol: "tcp" }]);
      expect(redis.ports).toEqual([{ published: "6380", target: "6379", hostIp: null, protocol: "tcp" }]);
      expect(servicesWith("datastore-port-published")).toEqual(["db", "redis"]);
    });

    it("judges the seven services built from infra/docker Dockerfiles as root, and not postgres or redis from their names", () => {
      const root = ["api", "beat", "bot", "frontend", "frontend-dev", "mtproto", "worker"];
      expect(services.filter((s) => s.runsAsRoot === true).map((s) => s.name).sort()).toEqual(root);
      expect(services.filter((s) => s.runsAsRoot === null).map((s) => s.name).sort()).toEqual(["db", "redis"]);
      expect(servicesWith("runs-as-root")).toEqual(root);
    });

    it("reports the change_me fallback secret without printing it", () => {
      const fallbacks = findings("secret-default-fallback");
      expect(fallbacks.length).toBeGreaterThan(0);
      expect(fallbacks.find((f) => f.line === 12)).toBeDefined();
      for (const f of report.findings) expect(f.message).not.toContain("change_me");
    });

    it("counts frontend-dev's development-stage HEALTHCHECK: coverage 6/9, only bot, worker and beat lack one", () => {
      expect(services.filter((s) => s.healthcheck).length).toBe(6);
      expect(services.find((s) => s.name === "frontend-dev")!.healthcheck).toBe("dockerfile");
      expect(servicesWith("compose-healthcheck-missing")).toEqual(["beat", "bot", "worker"]);
    });

    it("does not repeat the audit's mistakes about .dockerignore and the dependency layer", () => {
      expect(report.findings.filter((f) => f.ruleId === "dockerignore-missing" && f.file.startsWith("infra/docker/"))).toEqual([]);
      expect(findings("copy-all-before-deps", "infra/docker/Dockerfile")).toEqual([]);
    });
  });

  it("scores the fixed analyticbot (782a5fb3) higher on security and reliability", () => {
    const before = check("analyticbot/4e4fd87f").scores;
    const after = check("analyticbot/782a5fb3").scores;
    expect(after.security.score).toBeGreaterThan(before.security.score);
    expect(after.reliability.score).toBeGreaterThan(before.reliability.score);
  });

  it("scores the later vrecommendation (69061c51) higher on reliability", () => {
    const before = check("vrecommendation/f9f7da29").scores;
    const after = check("vrecommendation/69061c51").scores;
    expect(after.reliability.score).toBeGreaterThan(before.reliability.score);
  });
});
