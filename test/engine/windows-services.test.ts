import { parseCompose } from "../../src/engine/parse/compose.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";
import { buildProject } from "../../src/engine/project.js";
import { isWindowsService } from "../../src/engine/service-lifecycle.js";
import { WINDOWS_SERVICES } from "../helpers/windows-services.js";

/** The services of `code` that isWindowsService recognises, with the Dockerfiles `files`. */
function windowsServices(code: string, files: Record<string, string> = {}): string[] {
  const model = parseCompose("compose.yaml", code);
  const dockerfiles = Object.entries(files).map(([path, text]) => parseDockerfile(path, text));
  const project = buildProject({ dockerfiles, composeFiles: [model], dockerignores: [] });
  return model.services.filter((s) => isWindowsService(project, model, s)).map((s) => s.name);
}

describe("isWindowsService", () => {
  it("recognises a Windows platform, image, extends base and build stage", () => {
    expect(windowsServices(WINDOWS_SERVICES.code, WINDOWS_SERVICES.files)).toEqual(["iis", "app", "worker", "api", "legacy"]);
  });

  it("leaves Linux services, and a platform only a variable decides, as Linux", () => {
    const code = [
      "services:",
      "  web:",
      "    image: nginx:1.27",
      "  arm:",
      "    platform: linux/arm64",
      "    image: example/app:1",
      "  unknown:",
      "    platform: ${PLATFORM}",
      "    image: example/app:1",
      "  api:",
      "    build: ./api",
      "  windowsish:",
      "    image: example/windowsapp:1",
      "",
    ].join("\n");
    expect(windowsServices(code, { "api/Dockerfile": "FROM node:20\nCMD [\"node\", \"server.js\"]\n" })).toEqual([]);
  });
});
