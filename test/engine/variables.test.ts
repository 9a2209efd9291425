import { assignedInScript, expandVariables, isValidImageRef, mayComeFromImage, variableRefs } from "../../src/engine/variables.js";

const names = (text: string, escape?: string) => [...variableRefs(text, escape)].map((r) => `${r.name}${r.operator ?? ""}@${r.start}-${r.end}`);

describe("variables", () => {
  it("finds $NAME and ${NAME…} outside single quotes and escapes", () => {
    expect(names("a $A ${B} ${C:-x} '$D' \"$E\" \\$F $1 $$")).toEqual(["A@2-4", "B@5-9", "C:-@10-17", "E@24-26"]);
    expect(names("C:\\$X `$Y", "`")).toEqual(["X@3-5"]);
  });

  it("stays linear on unclosed braces", () => {
    const text = "${a".repeat(300_000);
    const started = Date.now();
    expect(names(text)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("expands like Docker: unset is empty, default and alternative operators", () => {
    const values = new Map([["TAG", "3.20"], ["EMPTY", ""]]);
    expect(expandVariables("alpine:${TAG}", values)).toBe("alpine:3.20");
    expect(expandVariables("alpine:$NOPE", values)).toBe("alpine:");
    expect(expandVariables("${NOPE:-x}/${EMPTY:-y}/${EMPTY-z}/${TAG:+set}", values)).toBe("x/y//set");
  });

  it("validates image references", () => {
    for (const ok of ["alpine", "alpine:3.20", "ghcr.io/org/app:1.2@sha256:" + "a".repeat(64), "localhost:5000/x_y/z-w:tag"]) expect(isValidImageRef(ok)).toBe(true);
    for (const bad of ["", "alpine:", "Alpine:3", "a b", ":tag", "x@sha256:zz"]) expect(isValidImageRef(bad)).toBe(false);
  });

  it("knows names a base image may set", () => {
    expect(mayComeFromImage("NODE_VERSION", "node:20")).toBe(true);
    expect(mayComeFromImage("PATH", "debian:12")).toBe(true);
    expect(mayComeFromImage("APP_DIR", "debian:12")).toBe(false);
    expect(mayComeFromImage("PATH", "scratch")).toBe(false);
    expect(mayComeFromImage("X", "$BASE")).toBe(true);
  });

  it("sees assignments a script makes itself", () => {
    expect(assignedInScript("V", "V=1 && echo $V")).toBe(true);
    expect(assignedInScript("f", "for f in a b; do echo $f; done")).toBe(true);
    expect(assignedInScript("X", "read -r X < file")).toBe(true);
    expect(assignedInScript("V", "echo $V; VV=2; echo ${V}")).toBe(false);
  });
});
