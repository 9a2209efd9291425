import { deepMerge } from "../../../src/app/github/config.js";

describe("merging a config over the one it extends", () => {
  it("merges mappings key by key and replaces lists and scalars", () => {
    expect(deepMerge({ rules: { a: "off" }, ignore: ["x/**"], min_grade: "C" }, { rules: { b: "error" }, ignore: ["y/**"], min_grade: null })).toEqual({
      rules: { a: "off", b: "error" },
      ignore: ["y/**"],
      min_grade: null,
    });
  });

  it("keeps the base's mapping under a section whose entries are all commented out (a YAML null)", () => {
    expect(deepMerge({ rules: { a: "off" }, limits: { max_files: 10 } }, { rules: null, limits: null })).toEqual({ rules: { a: "off" }, limits: { max_files: 10 } });
  });
});
