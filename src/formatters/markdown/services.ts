import type { Coverage, Finding, ServiceSummary } from "../../engine/index.js";
import { cell, codeCell, percent } from "./text.js";

export const MAX_SERVICE_ROWS = 50;

/**
 * One row per Compose service: how it is built and run, the facts reviewers check first. Past
 * `maxRows`, the rows kept are those of the services with the most severe findings (`findings`),
 * then the most findings, listed first; ties keep the matrix's order.
 */
export function serviceMatrix(services: readonly ServiceSummary[], maxRows = MAX_SERVICE_ROWS, findings: readonly Finding[] = []): string {
  const fragments = services.filter((s) => s.partial).length;
  const listed = services.filter((s) => !s.partial);
  const fragmentNote = fragments ? `\n\n_${fragments} override fragment${fragments === 1 ? "" : "s"} (services that only add settings to a service of another Compose file) not listed._` : "";
  if (!listed.length) return fragmentNote.trim();
  return table(listed, Math.max(0, maxRows), findings) + fragmentNote;
}

/** Services that are not override fragments: the matrix's rows. */
export function listedServices(services: readonly ServiceSummary[]): number {
  return services.filter((s) => !s.partial).length;
}

function table(services: readonly ServiceSummary[], maxRows: number, findings: readonly Finding[]): string {
  const multiFile = new Set(services.map((s) => s.file)).size > 1;
  const header = "| Service | Image or build | User | Healthcheck | Restart | Limits | Published ports |\n|---|---|---|---|---|---|---|";
  const shown = services.length > maxRows ? mostSevereFirst(services, findings).slice(0, maxRows) : services;
  const rows = shown.map((s) => {
    const name = multiFile ? `${codeCell(s.name)}<br><sub>${cell(s.file)}</sub>` : codeCell(s.name);
    return `| ${[name, imageOrBuild(s), userCell(s), healthcheckCell(s), restartCell(s), limitsCell(s), portsCell(s)].join(" | ")} |`;
  });
  const more = services.length > maxRows ? `\n\n_${services.length - maxRows} more services not shown (those with the fewest and least severe findings)._` : "";
  return `${header}\n${rows.join("\n")}${more}`;
}

const SEVERITY_WEIGHT = { error: 0, warning: 1, info: 2 } as const;

/**
 * Services with an error first, then a warning, then an info, then none; more findings first among
 * equals. A service's findings are those naming it in its Compose file or its build Dockerfile.
 * Findings are counted once per render (the summary may be rendered once per row count tried).
 */
function mostSevereFirst(services: readonly ServiceSummary[], findings: readonly Finding[]): ServiceSummary[] {
  const counts = new Map<string, number[]>();
  for (const f of findings) {
    if (f.service === undefined) continue;
    const key = `${f.service}\u0000${f.file}`;
    const perSeverity = counts.get(key) ?? [0, 0, 0];
    perSeverity[SEVERITY_WEIGHT[f.severity]]++;
    counts.set(key, perSeverity);
  }
  const rank = services.map((s, order) => {
    const files = s.build?.dockerfile && s.build.dockerfile !== s.file ? [s.file, s.build.dockerfile] : [s.file];
    const own = [0, 1, 2].map((w) => files.reduce((n, file) => n + (counts.get(`${s.name}\u0000${file}`)?.[w] ?? 0), 0));
    const worst = own.findIndex((n) => n > 0);
    return { s, worst: worst < 0 ? 3 : worst, count: worst < 0 ? 0 : own[worst], order };
  });
  rank.sort((a, b) => a.worst - b.worst || b.count - a.count || a.order - b.order);
  return rank.map((r) => r.s);
}

export function imageOrBuild(s: ServiceSummary): string {
  if (s.build) {
    const target = s.build.target ? ` (target ${codeCell(s.build.target)})` : "";
    return `build ${codeCell(s.build.dockerfile)}${target}`;
  }
  if (s.image) return codeCell(s.image);
  return s.partial ? "_override fragment_" : "–";
}

export function userCell(s: ServiceSummary): string {
  if (s.partial) return "–";
  const source = s.userSource === "compose" ? "compose" : s.userSource === "dockerfile" ? "Dockerfile" : s.userSource === "image-default" ? "image default" : "";
  if (s.runsAsRoot === true) return `⚠️ ${codeCell(s.user ?? "root")}${source ? ` (${source})` : ""}`;
  if (s.runsAsRoot === false) return `✅ ${s.user ? codeCell(s.user) : "non-root"}${source ? ` (${source})` : ""}`;
  return s.user ? `${codeCell(s.user)} (unknown uid)` : "❔ unknown";
}

export function healthcheckCell(s: ServiceSummary): string {
  if (s.partial) return "–";
  if (s.healthcheck === "compose") return "✅ compose";
  if (s.healthcheck === "dockerfile") return "✅ Dockerfile";
  if (s.healthcheck === "image") return "✅ image";
  return notAsked(s) ?? "❌ none";
}

export function restartCell(s: ServiceSummary): string {
  if (s.partial) return "–";
  if (s.restart && s.restart !== "no") return codeCell(s.restart);
  return notAsked(s) ?? "❌ none";
}

/** What a job that runs once, or a service scaled to zero, shows instead of a missing healthcheck or restart policy. */
function notAsked(s: ServiceSummary): string | null {
  return s.lifecycle === "run-once" ? "– run-once job" : s.lifecycle === "scaled-to-zero" ? "– scaled to 0" : null;
}

export function limitsCell(s: ServiceSummary): string {
  if (s.partial) return "–";
  const parts = [s.limits.memory ? `mem ${cell(s.limits.memory)}` : null, s.limits.cpus ? `cpu ${cell(s.limits.cpus)}` : null].filter(Boolean);
  return parts.length ? parts.join(" · ") : "❌ none";
}

export function portsCell(s: ServiceSummary): string {
  if (!s.ports.length) return "–";
  return s.ports
    .map((p) => {
      const target = portTarget(p);
      if (!p.published) return codeCell(target);
      const host = p.hostIp ? `${p.hostIp}:` : "";
      const exposed = !p.hostIp || p.hostIp === "0.0.0.0" || p.hostIp === "::";
      return `${exposed ? "🌐 " : ""}${codeCell(`${host}${p.published}→${target}`)}`;
    })
    .join("<br>");
}

/** A port's container side; TCP is the default, another protocol is what tells `50000/tcp` from `50000/udp`. */
export function portTarget(p: ServiceSummary["ports"][number]): string {
  return p.protocol && p.protocol !== "tcp" ? `${p.target}/${p.protocol}` : p.target;
}

/**
 * Share of services with each safeguard (override fragments excluded, as in scoring); healthchecks
 * and restart policies are counted over the long-running services only, as in scoring.
 */
export function coverageLine(coverage: Coverage, base?: Coverage): string {
  if (!coverage.services) return "";
  type Counted = keyof Omit<Coverage, "services" | "longRunning">;
  const item = (label: string, key: Counted, of: "services" | "longRunning" = "services") => {
    const now = `${coverage[key]}/${coverage[of]} = ${percent(coverage[key], coverage[of])}`;
    const before = base && base[of] ? ` (base ${percent(base[key], base[of])})` : "";
    return `${label} ${now}${before}`;
  };
  const others = coverage.services - coverage.longRunning;
  const notCounted = others ? `${others} run-once or scaled-to-zero service${others === 1 ? "" : "s"}` : "";
  const uptime = coverage.longRunning
    ? `${item("healthcheck", "healthcheck", "longRunning")} · ${item("restart policy", "restart", "longRunning")}${notCounted ? ` (${notCounted} not counted)` : ""}`
    : `healthcheck and restart policy not asked of the ${notCounted}`;
  return [item("non-root", "nonRoot"), uptime, item("memory limit", "memoryLimit"), item("CPU limit", "cpuLimit")].join(" · ");
}
