import nock from "nock";
import { loadConfig } from "../../src/app/github/config.js";
import type { GitHub } from "../../src/app/github/types.js";
import { createOctokitClass } from "../../src/app/octokit.js";

const API = "https://api.github.com";
const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };
const at = (repo: string, path = ".github/dockaudit.yml") => `/repos/o/${repo}/contents/${encodeURIComponent(path)}`;

function client(): GitHub {
  const Octokit = createOctokitClass({ writeSpacingMs: 0 });
  return new Octokit({ auth: { token: "t" }, retry: { enabled: false }, log: { debug() {}, info() {}, warn() {}, error() {} } }) as unknown as GitHub;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("loadConfig: the owner's .github fallback and _extends", () => {
  it("follows the _extends of the owner's .github config when the repository has none, the nearer config winning", async () => {
    const scope = nock(API)
      .get(at("r")).reply(404, { message: "Not Found" })
      .get(at(".github")).reply(200, "_extends: policies\nfail_on: warning\n", RAW)
      .get(at("policies")).reply(200, "fail_on: none\n", RAW);
    const loaded = await loadConfig(client(), { owner: "o", repo: "r" }, []);
    expect(loaded).toMatchObject({ ok: true, found: true, config: { failOn: "warning" } });
    scope.done();
  });

  it("reads an _extends naming the same repository with another path at its default branch", async () => {
    const scope = nock(API)
      .get(at("r")).query({ ref: "abc" }).reply(200, "_extends: r:.github/base.yml\n", RAW)
      .get(at("r", ".github/base.yml")).reply(200, "fail_on: info\n", RAW);
    const loaded = await loadConfig(client(), { owner: "o", repo: "r" }, [], "abc");
    expect(loaded).toMatchObject({ ok: true, found: true, config: { failOn: "info" } });
    scope.done();
  });
});
