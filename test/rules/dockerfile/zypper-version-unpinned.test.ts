import rule from "../../../rules/dockerfile/zypper-version-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 'curl>=8' && zypper clean\n",
    "FROM opensuse/leap:15.6\nRUN zypper --non-interactive in ./local.rpm\n",
    "FROM opensuse/leap:15.6\nRUN zypper refresh\n",
  ],
  invalid: [
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean\n",
      errors: [{ messageId: "unpinned", line: 2, column: 23, endLine: 2, endColumn: 28 }],
    },
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper -n in -r oss git\n",
      errors: [{ messageId: "unpinned", line: 2, column: 25, endLine: 2, endColumn: 28 }],
    },
  ],
});
