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
      output: "FROM centos:7\nRUN yum install -y httpd && yum clean all\n",
    },
    {
      // no fix: `install` is no subcommand of this one command (`yum clean all yum -y install`)
      code: "FROM centos:7\nRUN yum clean all \\\n    yum -y install\n",
      errors: [{ messageId: "clean", line: 3, column: 12, endLine: 3, endColumn: 19 }],
    },
    {
      code: "FROM centos:7\nRUN yum clean all && yum -y install httpd\n",
      errors: [{ messageId: "clean", line: 2, column: 29, endLine: 2, endColumn: 36 }],
      output: "FROM centos:7\nRUN yum clean all && yum -y install httpd && yum clean all\n",
    },
    {
      code: "FROM centos:7\nRUN yum -y install httpd \\\n && yum -y groupinstall 'Development Tools' # build tools\n",
      errors: [
        { messageId: "clean", line: 2, column: 12, endLine: 2, endColumn: 19 },
        { messageId: "clean", line: 3, column: 12, endLine: 3, endColumn: 24 },
      ],
      output: "FROM centos:7\nRUN yum -y install httpd \\\n && yum -y groupinstall 'Development Tools' && yum clean all # build tools\n",
    },
    {
      // keepcache=0 keeps no packages: the metadata stays all the same, and the clean-up is what it needs
      code: "FROM centos:7\nRUN yum install -y --setopt=tsflags=nodocs --setopt=keepcache=0 httpd\n",
      errors: [{ messageId: "clean", line: 2, column: 9, endLine: 2, endColumn: 16 }],
      output: "FROM centos:7\nRUN yum install -y --setopt=tsflags=nodocs --setopt=keepcache=0 httpd && yum clean all\n",
    },
    {
      // no fix: keepcache=1 keeps the packages in the cache on purpose
      code: "FROM centos:7\nRUN yum install -y --setopt keepcache=1 httpd\n",
      errors: [{ messageId: "clean", line: 2, column: 9, endLine: 2, endColumn: 16 }],
    },
    {
      // no fix: the packages --downloadonly fetches go to the cache that `yum clean all` empties
      code: "FROM centos:7\nRUN yum install -y --downloadonly httpd\n",
      errors: [{ messageId: "clean", line: 2, column: 9, endLine: 2, endColumn: 16 }],
    },
    {
      // no fix for the first install: a later RUN installs from its cache only
      code: "FROM centos:7\nRUN yum install -y httpd\nRUN yum -C install -y mod_ssl\n",
      errors: [
        { messageId: "clean", line: 2, column: 9, endLine: 2, endColumn: 16 },
        { messageId: "clean", line: 3, column: 12, endLine: 3, endColumn: 19 },
      ],
      output: "FROM centos:7\nRUN yum install -y httpd\nRUN yum -C install -y mod_ssl && yum clean all\n",
    },
    {
      // no fix: sudo runs yum, so the user may not clean the cache itself
      code: "FROM centos:7\nUSER app\nRUN sudo yum install -y httpd\n",
      errors: [{ messageId: "clean", line: 3, column: 14, endLine: 3, endColumn: 21 }],
    },
  ],
});
