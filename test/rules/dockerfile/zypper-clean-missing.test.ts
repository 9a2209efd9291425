import rule from "../../../rules/dockerfile/zypper-clean-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4 && zypper clean\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n in git && zypper cc -a\n",
    "FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in git\n",
    "FROM opensuse/leap:15.6 AS build\nRUN zypper install\nFROM alpine:3.20\n",
  ],
  invalid: [
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper install\n",
      errors: [{ messageId: "clean", line: 2, column: 12, endLine: 2, endColumn: 19 }],
      output: "FROM opensuse/leap:15.6\nRUN zypper install && zypper clean --all\n",
    },
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper --non-interactive in git\n",
      errors: [{ messageId: "clean", line: 2, column: 30, endLine: 2, endColumn: 32 }],
      output: "FROM opensuse/leap:15.6\nRUN zypper --non-interactive in git && zypper clean --all\n",
    },
    {
      // no fix: the packages --download-only fetches go to the cache that `zypper clean --all` empties
      code: "FROM opensuse/leap:15.6\nRUN zypper -n in --download-only git\n",
      errors: [{ messageId: "clean", line: 2, column: 15, endLine: 2, endColumn: 17 }],
    },
    {
      // no fix: a later RUN does not refresh the metadata the clean-up removes
      code: "FROM opensuse/leap:15.6\nRUN zypper -n in git\nRUN zypper --no-refresh -n in vim && zypper clean --all\n",
      errors: [{ messageId: "clean", line: 2, column: 15, endLine: 2, endColumn: 17 }],
    },
  ],
});
