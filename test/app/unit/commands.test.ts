import { createDeliveryFilter } from "../../../src/app/handlers/deliveries.js";
import { parseCommand } from "../../../src/app/handlers/commands.js";
import { pullNumberOf } from "../../../src/app/handlers/check-run.js";

describe("comment commands", () => {
  it.each([
    ["/dockaudit recheck", "recheck"],
    ["  /DockAudit   Recheck  ", "recheck"],
    ["thanks!\n/dockaudit recheck\n", "recheck"],
    ["/dockaudit help", "help"],
    ["/dockaudit", "help"],
    ["/dockaudit whatever", "help"],
  ])("%j → %s", (body, command) => {
    expect(parseCommand(body)).toBe(command);
  });

  it.each(["", "please run /dockaudit recheck", "/dockauditrecheck", "`/dockaudit recheck` is the command"])("ignores %j", (body) => {
    expect(parseCommand(body)).toBeNull();
  });
});

describe("external_id", () => {
  it("carries the PR number", () => {
    expect(pullNumberOf("42")).toBe(42);
    expect(pullNumberOf("")).toBeNull();
    expect(pullNumberOf(null)).toBeNull();
    expect(pullNumberOf("x")).toBeNull();
  });
});

describe("delivery filter", () => {
  it("passes a delivery id once and forgets the oldest beyond its size", () => {
    const first = createDeliveryFilter(2);
    expect([first("a"), first("a"), first("b"), first("c"), first("a")]).toEqual([true, false, true, true, true]);
  });
});
