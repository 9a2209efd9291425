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
      output: "FROM fedora:40\nRUN set -uex && \\\n    dnf install -vy docker-ce && dnf clean all\n",
    },
    {
      code: "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf clean all && microdnf install -y tar\n",
      errors: [{ messageId: "clean", line: 2, column: 36, endLine: 2, endColumn: 43 }],
      output: "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf clean all && microdnf install -y tar && microdnf clean all\n",
    },
    {
      code: "FROM photon:5.0\nRUN /usr/bin/tdnf install -y tar;\n",
      errors: [{ messageId: "clean", line: 2, column: 19, endLine: 2, endColumn: 26 }],
      output: "FROM photon:5.0\nRUN /usr/bin/tdnf install -y tar && tdnf clean all;\n",
    },
    {
      // no fix: the script ends in a compound command
      code: "FROM fedora:40\nRUN for p in a b; do dnf install -y $p; done\n",
      errors: [{ messageId: "clean", line: 2, column: 26, endLine: 2, endColumn: 33 }],
    },
    {
      // keepcache off (dnf reads 0, no, false and off as false) keeps no packages
      code: "FROM fedora:40\nRUN dnf install -y --setopt=keepcache=False httpd\n",
      errors: [{ messageId: "clean", line: 2, column: 9, endLine: 2, endColumn: 16 }],
      output: "FROM fedora:40\nRUN dnf install -y --setopt=keepcache=False httpd && dnf clean all\n",
    },
    {
      // no fix: the packages --downloadonly fetches go to the cache that `dnf clean all` empties
      code: "FROM fedora:40\nRUN dnf install -y --downloadonly httpd\n",
      errors: [{ messageId: "clean", line: 2, column: 9, endLine: 2, endColumn: 16 }],
    },
  ],
});
