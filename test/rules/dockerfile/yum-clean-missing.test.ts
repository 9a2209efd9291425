import rule from "../../../rules/dockerfile/yum-clean-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n",
    "FROM centos:7\nRUN yum -y install httpd && rm -rf /var/cache/yum\n",
    "FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n",
    "FROM centos:7 AS build\nRUN yum install -y gcc\nFROM centos:7\nCOPY --from=build /out /out\n",
    "FROM centos:7\nRUN yum install \\\n    yum clean all\n",
  ],
  invalid: [
    {
      code: "FROM centos:7\nRUN yum install -y httpd\n",
      errors: [{ messageId: "clean", line: 2, column: 9, endLine: 2, endColumn: 16 }],
    },
    {
      code: "FROM centos:7\nRUN yum clean all \\\n    yum -y install\n",
      errors: [{ messageId: "clean", line: 3, column: 12, endLine: 3, endColumn: 19 }],
    },
    {
      code: "FROM centos:7\nRUN yum clean all && yum -y install httpd\n",
      errors: [{ messageId: "clean", line: 2, column: 29, endLine: 2, endColumn: 36 }],
    },
  ],
});
