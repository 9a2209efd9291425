import rule from "../../../rules/dockerfile/apt-version-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 ca-certificates=20230311\n",
    "FROM debian:12\nRUN apt-get install -y -t bookworm-backports\n",
    "FROM debian:12\nRUN apt-get install -y nginx/bookworm-backports ./local.deb\n",
    "FROM debian:12\nRUN apt-get install -y $PACKAGES\n",
    "FROM debian:12\nRUN apt-get update\n",
    "FROM debian:12\nRUN apt-get install --simulate curl && apt-get -qs install wget\n",
    "FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"curl=7.88.1-10\"]\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    curl \\\n    git=1:2.39.2-1.1\n",
      errors: [{ messageId: "unpinned", line: 3, column: 5, endLine: 3, endColumn: 9 }],
    },
    {
      code: "FROM debian:12\nRUN [\"apt-get\", \"install\", \"python\"]\n",
      errors: [{ messageId: "unpinned", line: 2, column: 28, endLine: 2, endColumn: 36 }],
    },
    {
      code: "FROM debian:12\nRUN sudo apt-get -o Dpkg::Options::=--force-confold install -y tini\n",
      errors: [{ messageId: "unpinned", line: 2, column: 64, endLine: 2, endColumn: 68 }],
    },
    {
      code: "FROM debian:12\nONBUILD RUN apt install -y jq\n",
      errors: [{ messageId: "unpinned", line: 2, column: 28, endLine: 2, endColumn: 30 }],
    },
  ],
});
