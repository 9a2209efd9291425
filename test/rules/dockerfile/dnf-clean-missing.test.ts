import rule from "../../../rules/dockerfile/dnf-clean-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n",
    "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && microdnf clean all\n",
    "FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf\n",
    "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n",
    "FROM fedora:40 AS build\nRUN dnf install -vy docker-ce\nFROM alpine:3.20\n",
  ],
  invalid: [
    {
      code: "FROM fedora:40\nRUN set -uex && \\\n    dnf install -vy docker-ce\n",
      errors: [{ messageId: "clean", line: 3, column: 9, endLine: 3, endColumn: 16 }],
    },
    {
      code: "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf clean all && microdnf install -y tar\n",
      errors: [{ messageId: "clean", line: 2, column: 36, endLine: 2, endColumn: 43 }],
    },
  ],
});
