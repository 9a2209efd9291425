import { parseCompose } from "../../src/engine/parse/compose.js";
import { containerSide } from "../../src/engine/ports.js";

/** The container side of each port of the first service, as messages show it. */
const sides = (ports: string) => parseCompose("compose.yaml", `services:\n  app:\n    image: x:1\n    ports:\n${ports}`).services[0].ports.map(containerSide);

describe("containerSide", () => {
  it("keeps a variable container port visible (opentelemetry-demo: ${PROMETHEUS_PORT}:${PROMETHEUS_PORT})", () => {
    expect(sides('      - "${PROMETHEUS_PORT}:${PROMETHEUS_PORT}"\n      - "${A:-1}:${B:-80}/udp"\n')).toEqual(["${PROMETHEUS_PORT}", "80"]);
  });

  it("gives the parsed target otherwise", () => {
    expect(sides('      - "127.0.0.1:8080:80"\n      - 9000-9001:9000-9001\n      - target: 22\n        published: 2222\n')).toEqual(["80", "9000-9001", "22"]);
  });
});
