import rule from "../../../rules/dockerfile/apt-no-install-recommends.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
    "FROM debian:12\nRUN apt-get --no-install-recommends install apt-utils\n",
    "FROM debian:12\nRUN [\"apt-get\", \"apt::install-recommends=false\", \"install\", \"apt-utils\"]\n",
    "FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n",
    "FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n",
    // docker-library/postgres: a simulated install (-s) only asks whether the package exists.
    "FROM debian:12\nRUN if apt-get install -s \"postgresql-$PG_MAJOR-jit\" > /dev/null 2>&1; then echo jit; fi\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
      errors: [{ messageId: "recommends", line: 2, column: 31, endLine: 2, endColumn: 38 }],
      output: "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n",
    },
    {
      code: "FROM node:12\nRUN [\"apt-get\", \"install\", \"apt-utils\"]\n",
      errors: [{ messageId: "recommends", line: 2, column: 17, endLine: 2, endColumn: 26 }],
      output: "FROM node:12\nRUN [\"apt-get\", \"install\", \"--no-install-recommends\", \"apt-utils\"]\n",
    },
    {
      code: "FROM debian:12\nRUN sudo apt install -y \\\n    git\n",
      errors: [{ messageId: "recommends", line: 2, column: 14, endLine: 2, endColumn: 21 }],
      output: "FROM debian:12\nRUN sudo apt install --no-install-recommends -y \\\n    git\n",
    },
    {
      // Docker drops the comment line inside the continuation: its quoted words are no elements.
      code: "FROM debian:12\nRUN [\"apt-get\", \\\n  # use \"update\" then \"install\"\n  \"install\", \"-y\", \"curl\"]\n",
      errors: [{ messageId: "recommends", line: 4, column: 3, endLine: 4, endColumn: 12 }],
      output: "FROM debian:12\nRUN [\"apt-get\", \\\n  # use \"update\" then \"install\"\n  \"install\", \"--no-install-recommends\", \"-y\", \"curl\"]\n",
    },
  ],
});
