import rule from "../../../rules/dockerfile/apt-lists-not-removed.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN set -eux; \\\n  apt-get update; \\\n  apt-get install -y curl; \\\n  rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n",
    // a builder stage whose files are only copied: its lists never reach the image
    "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /out /out\n",
    "FROM debian:12\nRUN apt-get install -y curl\n",
    // docker-library/python 3.14/slim-trixie: apt 2.7's dist-clean removes the lists too.
    "FROM debian:trixie-slim\nRUN set -eux; \\\n  apt-get update; \\\n  apt-get install -y --no-install-recommends ca-certificates; \\\n  apt-get dist-clean\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get -o Acquire::Check-Valid-Until=false update && apt-get install -y curl\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 55 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      // removing the lists in a later RUN does not shrink the earlier layer
      code: "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\nFROM base\nCMD [\"curl\"]\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      // removed before the update ran
      code: "FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt update -qq\n",
      errors: [{ messageId: "lists", line: 2, column: 36, endLine: 2, endColumn: 46 }],
    },
    {
      // the stage a Compose service builds as its target is judged too
      code: "FROM debian:12 AS api\nRUN apt-get update\nFROM debian:12 AS worker\nCMD [\"w\"]\n",
      files: { "compose.yaml": "services:\n  api:\n    build:\n      context: .\n      target: api\n" },
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
  ],
});
