import rule from "../../../rules/dockerfile/apt-not-apt-get.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-cache policy curl && apt-key list && apt-mark hold curl\n",
    "FROM debian:12\nRUN echo apt install\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt update && sudo apt install -y curl\n",
      errors: [
        { messageId: "apt", line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: "apt", line: 2, column: 24, endLine: 2, endColumn: 27 },
      ],
      output: "FROM debian:12\nRUN apt-get update && sudo apt-get install -y curl\n",
    },
    {
      code: "FROM debian:12\nRUN apt list --installed\nRUN [\"apt\", \"install\", \"-y\", \"curl\"]\n",
      errors: [
        { messageId: "apt", line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: "apt", line: 3, column: 6, endLine: 3, endColumn: 11 },
      ],
      output: "FROM debian:12\nRUN apt list --installed\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n",
    },
    {
      // `apt upgrade` installs the new packages an upgrade needs; plain `apt-get upgrade` would hold
      // those upgrades back, so the fix adds --with-new-pkgs.
      code: "FROM debian:12\nRUN apt update && apt upgrade -y\nRUN [\"apt\", \"upgrade\", \"-y\"]\nRUN apt upgrade --with-new-pkgs -y\n",
      errors: [
        { messageId: "apt", line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: "apt", line: 2, column: 19, endLine: 2, endColumn: 22 },
        { messageId: "apt", line: 3, column: 6, endLine: 3, endColumn: 11 },
        { messageId: "apt", line: 4, column: 5, endLine: 4, endColumn: 8 },
      ],
      output: "FROM debian:12\nRUN apt-get update && apt-get upgrade --with-new-pkgs -y\nRUN [\"apt-get\", \"upgrade\", \"--with-new-pkgs\", \"-y\"]\nRUN apt-get upgrade --with-new-pkgs -y\n",
    },
  ],
});
