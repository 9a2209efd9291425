import type { ServiceSummary } from "../../engine/index.js";
import { portTarget } from "./services.js";
import { LINE_BREAK } from "./text.js";

export const MAX_TOPOLOGY_SERVICES = 40;

/** Mermaid's default `maxTextSize`: a longer diagram renders as "Maximum text size in diagram exceeded". */
export const MAX_MERMAID_TEXT = 50_000;

/**
 * A Mermaid flowchart of the Compose services: one box per Compose file, services inside,
 * depends_on as arrows, networks as hexagons, published ports as edges from the host.
 * Returns "" when there is nothing to draw or too much to draw legibly (or for Mermaid to draw at all).
 */
export function mermaidTopology(services: readonly ServiceSummary[], maxServices = MAX_TOPOLOGY_SERVICES): string {
  const full = services.filter((s) => !s.partial);
  if (!full.length || full.length > maxServices) return "";
  const files = [...new Set(full.map((s) => s.file))];
  const lines = ["flowchart LR"];
  const edges: string[] = [];
  let hostUsed = false;
  files.forEach((file, fi) => {
    const inFile = full.filter((s) => s.file === file);
    const id = (name: string) => `f${fi}_${slug(name)}`;
    // A slug never starts with `_n`, so no service id is a network id.
    const networkId = (name: string) => `f${fi}__net_${slug(name)}`;
    lines.push(`  subgraph F${fi}["${label(file)}"]`);
    for (const s of inFile) lines.push(`    ${id(s.name)}["${label(s.name)}${imageLabel(s)}"]`);
    const networks = [...new Set(inFile.flatMap((s) => s.networks).filter((n) => n !== "default" && !n.includes(":")))];
    for (const n of networks) lines.push(`    ${networkId(n)}{{"${label(n)}"}}`);
    lines.push("  end");
    const names = new Set(inFile.map((s) => s.name));
    for (const s of inFile) {
      for (const d of s.dependsOn) {
        if (!names.has(d.service)) continue;
        const cond = d.condition && d.condition !== "service_started" ? `|"${label(d.condition.replace(/^service_/, ""))}"|` : "";
        edges.push(`  ${id(s.name)} -->${cond} ${id(d.service)}`);
      }
      for (const n of s.networks) if (networks.includes(n)) edges.push(`  ${id(s.name)} -.- ${networkId(n)}`);
      for (const p of s.ports) {
        if (!p.published) continue;
        hostUsed = true;
        const host = p.hostIp ? `${p.hostIp}:` : "";
        edges.push(`  host -->|"${label(`${host}${p.published}→${portTarget(p)}`)}"| ${id(s.name)}`);
      }
    }
  });
  if (hostUsed) lines.splice(1, 0, `  host(("host"))`);
  const diagram = [...lines, ...edges].join("\n");
  return diagram.length > MAX_MERMAID_TEXT ? "" : `\`\`\`mermaid\n${diagram}\n\`\`\``;
}

/**
 * Mermaid ids allow letters, digits and underscores. Any other character becomes `_<hex>_` and an
 * underscore `__`, so two names never share an id (`a-b` and `a_2d` were one node).
 */
function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, (c) => (c === "_" ? "__" : `_${c.codePointAt(0)!.toString(16)}_`));
}

/**
 * Text inside a quoted Mermaid label: quotes, angle brackets and backticks as entities (a label in
 * backticks is Markdown to Mermaid), and a line break as a space: the chart is a fenced code block,
 * and a line of the pull request's text starting with ``` would close it, the rest showing as the
 * summary's own Markdown.
 */
function label(text: string): string {
  return text.replace(/[#"<>`]/g, (c) => ({ "#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;" })[c]!).replace(LINE_BREAK, " ");
}

function imageLabel(s: ServiceSummary): string {
  const what = s.image ?? (s.build ? `build ${s.build.dockerfile}` : "");
  return what ? `<br/>${label(what)}` : "";
}
