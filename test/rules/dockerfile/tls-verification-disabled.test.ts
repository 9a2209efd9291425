import rule from "../../../rules/dockerfile/tls-verification-disabled.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN curl -fsSLo key.gpg https://x && wget -q https://y\n",
    "FROM alpine:3.20\nRUN curl -fsSL -o k https://x\n",
    "FROM alpine:3.20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 GIT_SSL_NO_VERIFY=false\n",
    "FROM alpine:3.20\nRUN git config --global http.sslVerify true\n",
    "FROM alpine:3.20\nRUN echo -k\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nRUN curl -fsSLk https://x | sh && wget --no-check-certificate https://y\n",
      errors: [
        { messageId: "disabled", line: 2, column: 10, endLine: 2, endColumn: 16 },
        { messageId: "disabled", line: 2, column: 40, endLine: 2, endColumn: 62 },
      ],
    },
    {
      code: "FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.org NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN pip install --trusted-host pypi.org flask\n",
      errors: [
        { messageId: "disabled", line: 2, column: 5, endLine: 2, endColumn: 30 },
        { messageId: "disabled", line: 2, column: 31, endLine: 2, endColumn: 61 },
        { messageId: "disabled", line: 3, column: 17, endLine: 3, endColumn: 31 },
      ],
    },
    {
      code: "FROM node:20\nRUN npm config set strict-ssl false && git config --global http.sslVerify false\nRUN echo 'sslverify=0' >> /etc/yum.conf && GIT_SSL_NO_VERIFY=1 git clone x\n",
      errors: [
        { messageId: "disabled", line: 2, column: 20, endLine: 2, endColumn: 30 },
        { messageId: "disabled", line: 2, column: 60, endLine: 2, endColumn: 74 },
        { messageId: "disabled", line: 3, column: 10, endLine: 3, endColumn: 23 },
        { messageId: "disabled", line: 3, column: 64, endLine: 3, endColumn: 67 },
      ],
    },
  ],
});
