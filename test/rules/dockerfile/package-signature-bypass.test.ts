import rule from "../../../rules/dockerfile/package-signature-bypass.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
    "FROM fedora:40\nRUN dnf install -y --setopt=repo_gpgcheck=0 x\n",
    "FROM alpine:3.20\nRUN echo --allow-untrusted\n",
    "FROM debian:12\nRUN echo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk\n",
      errors: [{ messageId: "bypass", line: 2, column: 13, endLine: 2, endColumn: 30 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get install -y --force-yes a && apt-get -o APT::Get::AllowUnauthenticated=true install b\n",
      errors: [
        { messageId: "bypass", line: 2, column: 24, endLine: 2, endColumn: 35 },
        { messageId: "bypass", line: 2, column: 52, endLine: 2, endColumn: 87 },
      ],
    },
    {
      code: "FROM fedora:40\nRUN dnf install -y --nogpgcheck x && rpm -ivh --nosignature y.rpm && echo gpgcheck=0 >> /etc/yum.repos.d/z.repo\n",
      errors: [
        { messageId: "bypass", line: 2, column: 20, endLine: 2, endColumn: 32 },
        { messageId: "bypass", line: 2, column: 47, endLine: 2, endColumn: 60 },
        { messageId: "bypass", line: 2, column: 75, endLine: 2, endColumn: 85 },
      ],
    },
  ],
});
