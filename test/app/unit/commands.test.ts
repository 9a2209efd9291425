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
    ["/dockaudit recheck please", "recheck"],
    ["/dockaudit recheck, the base moved", "recheck"],
    ["/dockaudit\trecheck\r\n", "recheck"],
    ["```\n/dockaudit help\n```\n/dockaudit recheck", "recheck"],
  ])("%j → %s", (body, command) => {
    expect(parseCommand(body)).toBe(command);
  });

  it.each(["", "please run /dockaudit recheck", "/dockauditrecheck", "`/dockaudit recheck` is the command", "To re-run:\n```\n/dockaudit recheck\n```", "~~~sh\n/dockaudit recheck\n~~~", "> /dockaudit recheck\n\nDid that work?"])("ignores %j", (body) => {
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
