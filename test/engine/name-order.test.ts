import { compareNames, compareNumbered, sortOrder } from "../../src/engine/yaml-reorder.js";

const names = ["web", "Web", "api-2", "api-10", "äpi", "api", "_db", "x-net", "db1", "DB", "8080", "443", "", "zz top"];

describe("name order for the Compose ordering rules", () => {
  it("orders names exactly as localeCompare with the English locale does", () => {
    const expected = [...names].sort((a, b) => a.localeCompare(b, "en"));
    expect([...names].sort(compareNames)).toEqual(expected);
    expect(expected.indexOf("api-10")).toBeLessThan(expected.indexOf("api-2"));
  });

  it("compares runs of digits as numbers in the numbered order", () => {
    const expected = [...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    expect([...names].sort(compareNumbered)).toEqual(expected);
    expect(expected.indexOf("api-2")).toBeLessThan(expected.indexOf("api-10"));
    expect(expected.indexOf("443")).toBeLessThan(expected.indexOf("8080"));
  });

  it("gives the stable permutation that sorts, or null when the list is already sorted", () => {
    expect(sortOrder(["b", "a", "c", "a"], compareNames)).toEqual([1, 3, 0, 2]);
    expect(sortOrder(["a", "b", "b", "c"], compareNames)).toBeNull();
    expect(sortOrder(["10", "9"], compareNumbered)).toEqual([1, 0]);
    expect(sortOrder(["10", "9"], compareNames)).toBeNull();
  });
});
