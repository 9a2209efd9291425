import rule from "../../../rules/dockerfile/empty-continuation.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update \\\n  # a comment\n  && apt-get install -y curl\n",
    "FROM debian:12\nRUN a\n\nRUN b\n",
    "FROM debian:12\nRUN <<EOF\nset -e\n\necho done \\\n\nEOF\n",
    // A continuation into the end of the file: the final line break starts no line.
    "FROM debian:12\nCMD echo hi \\\n",
    "FROM debian:12 \\\r\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update \\\n\n  && apt-get install -y curl \\\n   \n  && rm -rf /var/lib/apt/lists/*\n",
      errors: [
        { messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 1 },
        { messageId: "empty", line: 5, column: 1, endLine: 5, endColumn: 4 },
      ],
      output: "FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl \\\n  && rm -rf /var/lib/apt/lists/*\n",
    },
    {
      code: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n\n  c:\\\n",
      errors: [{ messageId: "empty", line: 4, column: 1, endLine: 4, endColumn: 1 }],
      output: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\n",
    },
    {
      code: "FROM debian:12\nEXPOSE 80 \\\n\n",
      errors: [{ messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: "FROM debian:12\nEXPOSE 80 \\\n",
    },
  ],
});
