import rule from "../../../rules/dockerfile/apk-no-cache.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM alpine:3.20\nRUN apk --no-cache add curl\n",
    "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n",
    // Docker's documented apk cache mount: the fix would add --no-cache and make the mount useless.
    "FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl\n",
    "FROM alpine:3.20\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n",
    "FROM alpine:3.20\nRUN apk del .build-deps\n",
    "FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $runDeps\n",
    // A builder stage whose output is copied: its layers, index included, are never shipped.
    "FROM alpine:3.20 AS build\nRUN apk add gcc musl-dev && gcc -o /out/app app.c\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n",
  ],
  invalid: [
    {
      // The stage the final one is built FROM ships its layers.
      code: "FROM alpine:3.20 AS base\nRUN apk add curl\nFROM base\nCMD [\"curl\"]\n",
      errors: [{ messageId: "cache", line: 2, column: 9, endLine: 2, endColumn: 12 }],
      output: "FROM alpine:3.20 AS base\nRUN apk add --no-cache curl\nFROM base\nCMD [\"curl\"]\n",
    },
    {
      code: "FROM alpine:3.20\nRUN apk add --update-cache python3\n",
      errors: [{ messageId: "cache", line: 2, column: 9, endLine: 2, endColumn: 12 }],
      output: "FROM alpine:3.20\nRUN apk add --no-cache --update-cache python3\n",
    },
    {
      code: "FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk --update add curl\n",
      errors: [{ messageId: "cache", line: 2, column: 45, endLine: 2, endColumn: 48 }],
      output: "FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk --update add --no-cache curl\n",
    },
    {
      code: "FROM alpine:3.20\nRUN [\"apk\", \"add\", \"curl\"]\n",
      errors: [{ messageId: "cache", line: 2, column: 13, endLine: 2, endColumn: 18 }],
      output: "FROM alpine:3.20\nRUN [\"apk\", \"add\", \"--no-cache\", \"curl\"]\n",
    },
  ],
});
