import { execWords } from "../../src/engine/execform.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";

const wordsOf = (text: string, at = 1) => {
  const model = parseDockerfile("Dockerfile", text);
  return execWords(model, model.instructions[at])?.map((w) => [w.value, w.raw, w.escaped, `${w.range.start.line}:${w.range.start.column}-${w.range.end.line}:${w.range.end.column}`]);
};

describe("exec-form words", () => {
  it("skip the comment lines Docker drops inside a line continuation, quotes and all", () => {
    expect(wordsOf('FROM a\nRUN ["apt-get", \\\n  # "update" first\n# and "x"\n  "install", "curl"]\n')).toEqual([
      ["apt-get", '"apt-get"', false, "2:6-2:15"],
      ["install", '"install"', false, "5:3-5:12"],
      ["curl", '"curl"', false, "5:14-5:20"],
    ]);
  });

  it("mark a string continued over lines (and its dropped comment lines) as not its source text", () => {
    expect(wordsOf('FROM a\nRUN ["sh", "-c", "apt-get \\\n# the "word"\n  install x"]\n')).toEqual([
      ["sh", '"sh"', false, "2:6-2:10"],
      ["-c", '"-c"', false, "2:12-2:16"],
      ["apt-get   install x", '"apt-get \\\n# the "word"\n  install x"', true, "2:18-4:13"],
    ]);
  });
});
