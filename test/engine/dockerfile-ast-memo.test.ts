import { jest } from "@jest/globals";
import { DockerfileParser, Instruction, type Argument, type From } from "dockerfile-ast";
import { withSharedArguments } from "../../src/engine/parse/ast-memo.js";

// dockerfile-ast walks an instruction's text again on every argument accessor call; the engine
// patches its prototypes so that the walk happens once per instance (src/engine/parse/ast-memo.ts).
// Its own code changes what the accessors return, so every call must still hand out fresh objects.
const lineProto = Object.getPrototypeOf(Instruction.prototype) as { getTextContent(): string };

const first = (text: string) => DockerfileParser.parse(text).getInstructions()[0];
const words = (ins: Instruction) => ins.getArguments().map((a) => [a.getValue(), a.getRange().start.character, a.getRange().end.character]);

describe("dockerfile-ast argument accessors", () => {
  it("walk an instruction's text once, however often they are asked", () => {
    const ins = first("RUN --mount=type=cache,target=/root/.cache apt-get install -y curl\n");
    ins.getArguments();
    const walks = jest.spyOn(lineProto, "getTextContent");
    try {
      for (let i = 0; i < 5; i++) {
        ins.getArguments();
        ins.getRawArgumentsContent();
        ins.getArgumentsRange();
      }
      expect(walks).not.toHaveBeenCalled();
    } finally {
      walks.mockRestore();
    }
  });

  it("return the arguments after the flags, the same on every call", () => {
    const ins = first("COPY --from=build --chown=app:app /src /dst\n");
    const expected = [["/src", 34, 38], ["/dst", 39, 43]];
    expect(words(ins)).toEqual(expected);
    expect(words(ins)).toEqual(expected);
    expect(ins.getRawArgumentsContent()).toBe("/src /dst");
    expect((ins as unknown as { getFlags(): { getName(): string }[] }).getFlags().map((f) => f.getName())).toEqual(["from", "chown"]);
  });

  it("hand out fresh arrays and ranges, so a caller's changes do not leak into the next call", () => {
    const ins = first("RUN echo one two\n");
    const mine = ins.getArguments();
    mine.shift();
    mine[0].getRange().start = { line: 9, character: 9 };
    expect(words(ins)).toEqual([["echo", 4, 8], ["one", 9, 12], ["two", 13, 16]]);
  });

  it("keep FROM's image parts right when they are asked repeatedly (FROM narrows its ranges in place)", () => {
    // Expected values are the library's own answers without the patch.
    const parts = (from: From) => {
      const at = (r: { start: { character: number }; end: { character: number } } | null) => r && [r.start.character, r.end.character];
      return [from.getRegistry(), from.getImageName(), from.getImageTag(), from.getImageDigest(), at(from.getImageNameRange()), at(from.getImageRange()), at(from.getImageTagRange()), at(from.getRegistryRange())];
    };
    const tagged = first("FROM registry.example.com:5000/team/app:1.2 AS build\n") as From;
    const digested = first("FROM node@sha256:abcd\n") as From;
    for (let i = 0; i < 3; i++) {
      expect(parts(tagged)).toEqual(["registry.example.com:5000", "team/app", "1.2", null, [31, 39], [5, 43], [40, 43], [5, 30]]);
      expect(parts(digested)).toEqual([null, "node", null, "sha256:abcd", [5, 9], [5, 21], null, null]);
    }
  });

  it("skip every flag, and only the flags, when they are many", () => {
    const flags = Array.from({ length: 500 }, (_, i) => `--chown=u${i}`).join(" ");
    const copy = first(`COPY ${flags} /src /dst\n`);
    expect(copy.getArguments().map((a) => a.getValue())).toEqual(["/src", "/dst"]);
    expect(first("COPY --from=a --chown=b\n").getArguments()).toEqual([]);
  });

  it("read FROM's image and stage past its flags, with fresh ranges on every call (the library's own answers)", () => {
    const from = first("FROM --platform=linux/amd64 node:20 AS build\n") as From;
    const at = (r: { start: { character: number }; end: { character: number } } | null) => r && [r.start.character, r.end.character];
    for (let i = 0; i < 3; i++) {
      expect([from.getImage(), at(from.getImageRange()), from.getBuildStage(), at(from.getBuildStageRange())]).toEqual(["node:20", [28, 35], "build", [39, 44]]);
      from.getImageRange()!.end = { line: 0, character: 1 };
      from.getBuildStageRange()!.start = { line: 0, character: 1 };
    }
    const bare = first("FROM --platform=linux/amd64\n") as From;
    expect([bare.getImage(), bare.getImageRange(), bare.getBuildStage()]).toEqual([null, null, null]);
    expect((first("FROM a b\n") as From).getBuildStageRange()).toBeNull();
  });

  it("answer FROM's variables the same on every call", () => {
    const from = first("FROM ${REGISTRY}/app:${TAG:-1}@${DIGEST}\n") as From;
    const names = () => from.getVariables().map((v) => v.getName());
    expect(names()).toEqual(["REGISTRY", "TAG", "DIGEST"]);
    expect(names()).toEqual(["REGISTRY", "TAG", "DIGEST"]);
    // The library's own answers without the patch.
    expect([from.getImageName(), from.getImageTag(), from.getImageDigest(), from.getRegistry()]).toEqual(["${REGISTRY}/app", "${TAG:-1}", "${DIGEST}", null]);
  });

  it("hand out their one answer, uncopied, inside our parse, and fresh copies again after it", () => {
    const ins = first("COPY --chown=app a b /dst/\n");
    const raw = () => (ins as unknown as { getRawArguments(): Argument[] }).getRawArguments();
    const inside = withSharedArguments(() => [ins.getArguments(), ins.getArguments(), raw(), raw()]);
    expect(inside[0]).toBe(inside[1]);
    expect(inside[2]).toBe(inside[3]);
    expect(inside[0].map((a) => a.getValue())).toEqual(["a", "b", "/dst/"]);
    expect(ins.getArguments()).not.toBe(inside[0]);
    expect(ins.getArguments()).toEqual(inside[0]);
  });

  it("stop sharing when the reader throws, and share while a shared read is nested in another", () => {
    const ins = first("RUN echo one\n");
    expect(() => withSharedArguments(() => {
      throw new Error("bad input");
    })).toThrow("bad input");
    expect(ins.getArguments()).not.toBe(ins.getArguments());
    withSharedArguments(() => {
      withSharedArguments(() => ins.getArguments());
      expect(ins.getArguments()).toBe(ins.getArguments());
    });
    expect(ins.getArguments()).not.toBe(ins.getArguments());
  });
});
