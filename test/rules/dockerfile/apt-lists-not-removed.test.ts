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
      output: "FROM debian:12\nRUN apt-get -o Acquire::Check-Valid-Until=false update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      // the fix goes after the last command: before a trailing `;` and a comment, on the last line
      code: "FROM debian:12\nRUN set -eux; \\\n  apt-get update; \\\n  apt-get install -y curl; # tools\n",
      errors: [{ messageId: "lists", line: 3, column: 3, endLine: 3, endColumn: 17 }],
      output: "FROM debian:12\nRUN set -eux; \\\n  apt-get update; \\\n  apt-get install -y curl && rm -rf /var/lib/apt/lists/*; # tools\n",
    },
    {
      // removing the lists in a later RUN does not shrink the earlier layer
      code: "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\nFROM base\nCMD [\"curl\"]\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\nFROM base\nCMD [\"curl\"]\n",
    },
    {
      // no fix: the update is for a later RUN, whose install needs the lists
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      // no fix: a stage built FROM this one installs without an update of its own
      code: "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN apt-get install -y git\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      // no fix: a later RUN runs a script of the build's, which may install without an update
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY install-redis /tmp/\nRUN /tmp/install-redis\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN bash -e setup.sh\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      // system commands and `sh -c` scripts are no script files
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN /usr/bin/env true && sh -c 'echo ok'\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN /usr/bin/env true && sh -c 'echo ok'\n",
    },
    {
      // a later RUN that updates before it installs does not need these lists
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      // no fix: the script ends in a compound command, after which an appended command would bind differently
      code: "FROM debian:12\nRUN apt-get update && if true; then apt-get install -y curl; fi\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      // no fix: the script ends in a redirection
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl > /dev/null\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      // no fix: sudo runs the update, so the user may not delete the lists itself
      code: "FROM debian:12\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y curl\n",
      errors: [{ messageId: "lists", line: 3, column: 10, endLine: 3, endColumn: 24 }],
    },
    {
      // no fix: exec form
      code: "FROM debian:12\nRUN [\"/bin/sh\", \"-c\", \"apt-get update && apt-get install -y curl\"]\n",
      errors: [{ messageId: "lists", line: 2, column: 24, endLine: 2, endColumn: 38 }],
    },
    {
      // removed before the update ran; no fix: nothing in the RUN uses the lists it downloads
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
