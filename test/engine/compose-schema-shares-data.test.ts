import { parseDocument } from "yaml";
import { validateComposeSchema } from "../../src/engine/compose-schema.js";
import { mayHaveResetTags, parseCompose } from "../../src/engine/parse/compose.js";

const FILES = [
  "services:\n  web:\n    image: x\n    build: !reset null\n    environment: !reset {}\n  b: &b {image: y, ports: [!reset 80], bogus: 1}\n  c: *b\n",
  "x-a: &a {image: $X, bogus: 1}\nservices:\n  a: *a\n  b: *a\n  c: {<<: *a, ports: !reset []}\n",
  "services:\n  web:\n    image: ${A:-x}\n    ports: [\"${P}:80\", \"${P}:80\"]\n    mem_limit: ${M}\n    restart: [x]\n",
  "services:\n  web:\n    image: x\n    __proto__: {a: 1}\n    environment: {A: $X}\n",
];

describe("Compose schema validation over shared data", () => {
  it("never modifies the model's data, even where it drops `!reset` values or interpolates", () => {
    for (const text of FILES) {
      const m = parseCompose("compose.yaml", text);
      const before = JSON.stringify(m.data);
      validateComposeSchema(m.data, m.doc);
      validateComposeSchema(m.data, m.doc);
      expect(JSON.stringify(m.data)).toBe(before);
    }
  });

  it("gives the same issues whether or not parseCompose recorded that the document has no `!reset` tag", () => {
    for (const text of FILES) {
      const m = parseCompose("compose.yaml", text);
      // A document parseCompose did not read: its tags are looked for, node by node.
      const fresh = parseDocument(text, { merge: true });
      expect(mayHaveResetTags(fresh)).toBe(true);
      expect(validateComposeSchema(m.data, m.doc)).toEqual(validateComposeSchema(m.data, fresh));
    }
  });

  it("records `!reset` tags per document", () => {
    const tagged = parseCompose("a.yaml", FILES[0]);
    const plain = parseCompose("b.yaml", FILES[2]);
    expect(mayHaveResetTags(tagged.doc)).toBe(true);
    expect(mayHaveResetTags(plain.doc)).toBe(false);
    // A `!reset` in a key or deep in a list counts too.
    expect(mayHaveResetTags(parseCompose("c.yaml", "services:\n  a:\n    image: x\n    volumes: [[[!reset 1]]]\n").doc)).toBe(true);
    expect(validateComposeSchema(plain.data, plain.doc).map((i) => i.path.join("."))).toEqual(["services.web.restart"]);
  });
});
