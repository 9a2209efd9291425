import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rules } from "../rules/index.js";

/** Every rule of hadolint (71, from the catalogue's section 1). */
const HADOLINT = `DL1001 DL3000 DL3001 DL3002 DL3003 DL3004 DL3006 DL3007 DL3008 DL3009 DL3010 DL3011 DL3012 DL3013
DL3014 DL3015 DL3016 DL3018 DL3019 DL3020 DL3021 DL3022 DL3023 DL3024 DL3025 DL3026 DL3027 DL3028 DL3029 DL3030
DL3032 DL3033 DL3034 DL3035 DL3036 DL3037 DL3038 DL3040 DL3041 DL3042 DL3043 DL3044 DL3045 DL3046 DL3047 DL3048
DL3049 DL3050 DL3051 DL3052 DL3053 DL3054 DL3055 DL3056 DL3057 DL3058 DL3059 DL3060 DL3061 DL3062 DL3063 DL3064
DL3065 DL3066 DL3067 DL4000 DL4001 DL4003 DL4004 DL4005 DL4006`.split(/\s+/);

const notApplicableDoc = join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "hadolint-not-applicable.md");

describe("hadolint coverage", () => {
  it("lists 71 hadolint rules", () => {
    expect(new Set(HADOLINT).size).toBe(71);
  });

  it("maps every hadolint rule to a dockaudit rule alias, or documents why it does not apply", () => {
    const aliases = new Set(rules.flatMap((r) => r.meta.aliases));
    const documented = existsSync(notApplicableDoc) ? readFileSync(notApplicableDoc, "utf8") : "";
    const missing = HADOLINT.filter((id) => !aliases.has(id) && !new RegExp(`^\\| ${id} \\| .{10,}`, "m").test(documented));
    expect(missing).toEqual([]);
  });
});
