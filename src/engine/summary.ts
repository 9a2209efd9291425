import type { ProjectService } from "./project.js";
import type { Lifecycle } from "./service-lifecycle.js";

export interface ServiceSummary {
  name: string;
  file: string;
  image: string | null;
  build: { context: string; dockerfile: string; target: string | null } | null;
  user: string | null;
  userSource: string;
  runsAsRoot: boolean | null;
  healthcheck: string | null;
  restart: string | null;
  limits: { memory: string | null; cpus: string | null };
  lifecycle: Lifecycle;
  ports: { published: string | null; target: string; hostIp: string | null; protocol: string }[];
  networks: string[];
  dependsOn: { service: string; condition: string | null }[];
  partial: boolean;
}

export function serviceSummary(s: ProjectService): ServiceSummary {
  const c = s.compose;
  return {
    name: s.name,
    file: s.composeFile,
    image: c.image,
    build: c.build && s.contextDir !== null ? { context: s.contextDir || ".", dockerfile: s.dockerfilePath ?? c.build.dockerfile, target: c.build.target } : null,
    user: s.user.user,
    userSource: s.user.source,
    runsAsRoot: s.user.root,
    healthcheck: s.healthcheck.source,
    restart: s.restart,
    limits: s.limits,
    lifecycle: s.lifecycle,
    ports: c.ports.map((p) => ({ published: p.published, target: p.target, hostIp: p.hostIp, protocol: p.protocol })),
    networks: c.networkMode ? [c.networkMode] : c.networks.length ? c.networks : ["default"],
    dependsOn: c.dependsOn.map((d) => ({ service: d.service, condition: d.condition })),
    partial: c.partial,
  };
}
