import rule from "../../../rules/dockerfile/apk-version-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 tini~0.19\n",
    "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n",
    "FROM alpine:3.20\nRUN apk --quiet --update --no-cache add libstdc++==11.2.1_git20220219-r2\n",
    "FROM alpine:3.20\nRUN [\"apk\", \"add\", \"--virtual .test\", \"py-pip=7.1.2-r0\"]\n",
    "FROM alpine:3.20\nRUN apk update && apk del .build-deps\n",
  ],
  invalid: [
    {
      // Wolfi is apk-based but not Alpine: the message names no distribution it may not be
      code: "FROM cgr.dev/chainguard/wolfi-base:latest\nRUN apk add --no-cache python-3.12\n",
      errors: [{ messageId: "unpinned", data: { pkg: "python-3.12" }, line: 2, column: 24, endLine: 2, endColumn: 35 }],
    },
    {
      code: "FROM alpine:3.20\nRUN apk add --update py-pip && apk add tea\n",
      errors: [
        { messageId: "unpinned", line: 2, column: 22, endLine: 2, endColumn: 28 },
        { messageId: "unpinned", line: 2, column: 40, endLine: 2, endColumn: 43 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN apk add --no-cache -t .deps \\\n    gcc musl-dev=1.2.5-r0\n",
      errors: [{ messageId: "unpinned", line: 3, column: 5, endLine: 3, endColumn: 8 }],
    },
  ],
});
