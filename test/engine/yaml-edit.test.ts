import type { YAMLMap } from "yaml";
import { applyFixes, type Finding, type Fix } from "../../src/engine/index.js";
import { parseCompose } from "../../src/engine/parse/compose.js";
import { insertServiceKey } from "../../src/engine/service-key-order.js";
import { removeEntry } from "../../src/engine/yaml-edit.js";
import { reorderFix } from "../../src/engine/yaml-reorder.js";

/** The file after inserting `text` for `key` into service `service`, or null when there is no edit. */
function insert(code: string, service: string, key: string, text: string): string | null {
  const model = parseCompose("compose.yaml", code);
  const edit = insertServiceKey(model, ["services", service], key, text);
  if (!edit) return null;
  return applyFixes(code, [{ range: edit.range, fix: { description: "d", edits: [edit] } } as Finding]).output;
}

describe("insertServiceKey", () => {
  it("puts the key where the canonical order puts it, above the comment over the next key", () => {
    const code = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:80\"\n    # team label\n    labels: [a=b]\n";
    expect(insert(code, "web", "restart", "restart: unless-stopped")).toBe(
      "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:80\"\n    restart: unless-stopped\n    # team label\n    labels: [a=b]\n",
    );
  });

  it("adds a key that comes last after the last entry and the commented-out lines that belong to it", () => {
    const code = "services:\n  web:\n    image: nginx:1.27\n    environment:\n      A: b\n\n      # B: c\n    # db runs on the host in production\n  db:\n    image: postgres:16\n";
    expect(insert(code, "web", "security_opt", "security_opt:\n  - no-new-privileges:true")).toBe(
      "services:\n  web:\n    image: nginx:1.27\n    environment:\n      A: b\n\n      # B: c\n    security_opt:\n      - no-new-privileges:true\n    # db runs on the host in production\n  db:\n    image: postgres:16\n",
    );
  });

  it("keeps a merge key first and follows the file's line breaks, also without a final one", () => {
    expect(insert("x: &x\r\n  init: true\r\nservices:\r\n  web:\r\n    <<: *x\r\n    image: app:1", "web", "build", "build: .")).toBe(
      "x: &x\r\n  init: true\r\nservices:\r\n  web:\r\n    <<: *x\r\n    image: app:1\r\n    build: .",
    );
  });

  // Keys out of the canonical order: the new key goes where it puts the fewest keys on the wrong
  // side of it (the first such place on a tie), which in a sorted service is its sorted place.
  it.each([
    [
      "keys out of order: after them rather than before the first key that comes after it",
      "services:\n  web:\n    user: app\n    image: app:1\n    ports:\n      - \"80:80\"\n  db:\n    image: postgres:16\n",
      "restart",
      "restart: unless-stopped",
      "services:\n  web:\n    user: app\n    image: app:1\n    ports:\n      - \"80:80\"\n    restart: unless-stopped\n  db:\n    image: postgres:16\n",
    ],
    [
      "as many keys on the wrong side at two places: the first",
      "services:\n  web:\n    image: app:1\n    ports: [\"80:80\"]\n    user: app\n    volumes: [./d:/d]\n",
      "restart",
      "restart: unless-stopped",
      "services:\n  web:\n    image: app:1\n    ports: [\"80:80\"]\n    restart: unless-stopped\n    user: app\n    volumes: [./d:/d]\n",
    ],
    [
      "only keys outside the groups, out of order",
      "services:\n  web:\n    tty: true\n    cap_drop: [ALL]\n    devices: [/dev/fuse]\n",
      "security_opt",
      "security_opt: [no-new-privileges:true]",
      "services:\n  web:\n    tty: true\n    cap_drop: [ALL]\n    devices: [/dev/fuse]\n    security_opt: [no-new-privileges:true]\n",
    ],
    [
      "only keys that come after it: first",
      "services:\n  web:\n    tty: true\n    stdin_open: true\n",
      "restart",
      "restart: unless-stopped",
      "services:\n  web:\n    restart: unless-stopped\n    tty: true\n    stdin_open: true\n",
    ],
    [
      "an extension key before a grouped key: sorted as a key outside the groups",
      "services:\n  web:\n    image: app:1\n    x-traefik: {enable: true}\n    ports: [\"80:80\"]\n    volumes: [./d:/d]\n",
      "security_opt",
      "security_opt: [no-new-privileges:true]",
      "services:\n  web:\n    image: app:1\n    x-traefik: {enable: true}\n    ports: [\"80:80\"]\n    volumes: [./d:/d]\n    security_opt: [no-new-privileges:true]\n",
    ],
    [
      "a merge key first and the other keys out of order",
      "x: &x\n  init: true\nservices:\n  web:\n    <<: *x\n    user: app\n    image: app:1\n    ports: [\"80:80\"]\n",
      "restart",
      "restart: unless-stopped",
      "x: &x\n  init: true\nservices:\n  web:\n    <<: *x\n    user: app\n    image: app:1\n    ports: [\"80:80\"]\n    restart: unless-stopped\n",
    ],
    [
      "only a merge key",
      "x: &x\n  image: app:1\nservices:\n  web:\n    <<: *x\n",
      "restart",
      "restart: unless-stopped",
      "x: &x\n  image: app:1\nservices:\n  web:\n    <<: *x\n    restart: unless-stopped\n",
    ],
  ])("places the key in a service with %s", (_, code, key, text, output) => {
    expect(insert(code, "web", key, text)).toBe(output);
  });

  it.each([
    ["a flow mapping", "services:\n  web: {image: app:1}\n"],
    ["an anchored service, which its aliases would change with it", "services:\n  web: &web\n    image: app:1\n  api:\n    <<: *web\n"],
    ["a service that has the key", "services:\n  web:\n    image: app:1\n    restart: always\n"],
    ["a service merged from documents indented differently", "services:\n  web:\n    image: app:1\n---\nservices:\n web:\n  ports: [\"80:80\"]\n"],
    ["a last value that keeps its trailing lines", "services:\n  web:\n    image: app:1\n    command: |+\n      run\n\n  db:\n    image: postgres:16\n"],
  ])("leaves %s alone", (_, code) => {
    expect(insert(code, "web", "restart", "restart: unless-stopped")).toBeNull();
  });
});

describe("insertKey after a service's last entry", () => {
  it("overlaps a reorder of the lines it follows, so the new line waits instead of following another entry", () => {
    const code = "services:\n  web:\n    image: a\n  api:\n    image: b\n";
    const model = parseCompose("compose.yaml", code);
    const edit = insertServiceKey(model, ["services", "api"], "restart", "restart: unless-stopped")!;
    const reorder = reorderFix(model, model.doc.get("services", true) as YAMLMap, [1, 0], "sort")!;
    const asFinding = (fix: Fix) => ({ range: fix.edits[0].range, fix }) as Finding;
    const { output, skipped } = applyFixes(code, [asFinding(reorder), asFinding({ description: "d", edits: [edit] })]);
    expect(skipped).toHaveLength(1);
    expect(output).toBe("services:\n  api:\n    image: b\n  web:\n    image: a\n");
  });
});

describe("removeEntry", () => {
  const remove = (code: string, at: number): string | null => {
    const model = parseCompose("compose.yaml", code);
    const edit = removeEntry(model, ["services", "web", "security_opt"], at);
    return edit ? applyFixes(code, [{ range: edit.range, fix: { description: "d", edits: [edit] } } as Finding]).output : null;
  };

  it.each([
    ["a block entry with its comment lines", "services:\n  web:\n    security_opt:\n      - a=1 # one\n        # more about a\n      - c=3\n", 0, "services:\n  web:\n    security_opt:\n      - c=3\n"],
    ["the last block entry at the end of a file without a final line break", "services:\n  web:\n    security_opt:\n      - a=1\n      - c=3", 1, "services:\n  web:\n    security_opt:\n      - a=1"],
    ["a flow entry with the separator after it", "services:\n  web:\n    security_opt: [a=1, 'b=2', c=3]\n", 1, "services:\n  web:\n    security_opt: [a=1, c=3]\n"],
    ["the last flow entry with the separator before it", "services:\n  web:\n    security_opt: [a=1 ,  \"b=2\"]\n", 1, "services:\n  web:\n    security_opt: [a=1]\n"],
  ])("deletes %s", (_, code, at, output) => {
    expect(remove(code, at)).toBe(output);
  });

  it.each([
    ["the only entry", "services:\n  web:\n    security_opt:\n      - a=1\n", 0],
    ["an entry of a flow list with a comment inside", "services:\n  web:\n    security_opt: [a=1, # one\n      b=2]\n", 0],
    ["an anchored list", "services:\n  web:\n    security_opt: &s\n      - a=1\n      - b=2\n", 0],
  ])("leaves %s alone", (_, code, at) => {
    expect(remove(code, at)).toBeNull();
  });
});
