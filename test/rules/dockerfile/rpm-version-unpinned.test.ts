import rule from "../../../rules/dockerfile/rpm-version-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all\n",
    "FROM rockylinux:9\nRUN dnf -y install rethinkdb-$RETHINKDB_PACKAGE_VERSION python3-pip-21.3.1 && dnf clean all\n",
    "FROM fedora:40\nRUN dnf module install -y nodejs:20\n",
    "FROM fedora:40\nRUN dnf group install -y 'Development Tools'\n",
    "FROM fedora:40\nRUN microdnf install -y ./pkg.rpm https://example.com/x-1.0.rpm\n",
    "FROM fedora:40\nRUN [\"dnf\", \"install\", \"httpd-2.24.2\"]\n",
  ],
  invalid: [
    {
      code: "FROM rockylinux:9\nRUN yum install -y httpd python3-pip && yum clean all\n",
      errors: [
        { messageId: "unpinned", line: 2, column: 20, endLine: 2, endColumn: 25 },
        { messageId: "unpinned", line: 2, column: 26, endLine: 2, endColumn: 37 },
      ],
    },
    {
      code: "FROM fedora:40\nRUN dnf --setopt=install_weak_deps=False install -y httpd\n",
      errors: [{ messageId: "unpinned", line: 2, column: 53, endLine: 2, endColumn: 58 }],
    },
    {
      code: "FROM fedora:40\nRUN dnf module install -y nodejs\n",
      errors: [{ messageId: "unpinned", line: 2, column: 27, endLine: 2, endColumn: 33 }],
    },
  ],
});
