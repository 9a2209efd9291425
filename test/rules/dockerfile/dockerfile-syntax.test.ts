import rule from "../../../rules/dockerfile/dockerfile-syntax.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "# syntax=docker/dockerfile:1\nARG BASE=alpine:3.20\nFROM --platform=$BUILDPLATFORM $BASE AS build\nRUN --mount=type=cache,target=/root/.cache [ -f /x ] || echo \"$A\" | tr a b\nCOPY --link --chown=1000 [\"a\", \"b/\"]\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\nENV A=1 B=\"two words\"\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN <<EOF\nset -e\necho $(date)\nEOF\nCMD [\"node\", \"app.js\"]\n",
    "FROM alpine:3.20\nRUN [ \"$A\" = \"b\" ] && echo yes\nHEALTHCHECK NONE\nCOPY <<EOF /etc/x.conf\nk=v\nEOF\nONBUILD RUN echo\n",
    "# escape=`\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022\nRUN powershell -Command `\n    if ($x -ne 0) { `\n      exit 1; `\n    }\n",
    "FROM bats-jenkins\n# hadolint shell=powershell\nRUN & C:/jenkins-plugin-cli.ps1 --plugins junit\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN if ($true) { Write-Host (\"x\" }\nRUN [\"C:\\\\Program Files\\\\app.exe\", \"/install\"]\n",
  ],
  invalid: [
    {
      code: "",
      errors: [{ messageId: "empty", line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      code: "ARG A=1\n",
      errors: [{ messageId: "noFrom", line: 1, column: 1, endLine: 1, endColumn: 4 }],
    },
    {
      code: "FORM alpine:3.20\nhello world\n{\"json\": true}\n",
      errors: [
        { messageId: "unknown", line: 1, column: 1, endLine: 1, endColumn: 5 },
        { messageId: "unknown", line: 2, column: 1, endLine: 2, endColumn: 6 },
        { messageId: "unknown", line: 3, column: 1, endLine: 3, endColumn: 9 },
      ],
    },
    {
      code: "FROM\nFROM alpine:3.20 build\nCOPY app\nENV FOO\nWORKDIR\nHEALTHCHECK curl localhost\nHEALTHCHECK CMD\nCOPY --chwon=1000 a /b\n",
      errors: [
        { messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 5 },
        { messageId: "fromForm", line: 2, column: 6, endLine: 2, endColumn: 23 },
        { messageId: "missing", line: 3, column: 6, endLine: 3, endColumn: 9 },
        { messageId: "noValue", line: 4, column: 5, endLine: 4, endColumn: 8 },
        { messageId: "missing", line: 5, column: 1, endLine: 5, endColumn: 8 },
        { messageId: "healthcheckType", line: 6, column: 13, endLine: 6, endColumn: 17 },
        { messageId: "missing", line: 7, column: 13, endLine: 7, endColumn: 16 },
        { messageId: "unknownFlag", line: 8, column: 6, endLine: 8, endColumn: 18 },
      ],
    },
    {
      code: "FROM alpine:3.20\nCMD ['node', 'app.js']\nRUN [\"sudo apk\", \"add\", \"curl\"]\nSHELL /bin/bash -c\nENTRYPOINT [node, app.js]\n",
      errors: [
        { messageId: "notJson", line: 2, column: 5, endLine: 2, endColumn: 23 },
        { messageId: "shellJson", line: 4, column: 7, endLine: 4, endColumn: 19 },
        { messageId: "notJson", line: 5, column: 12, endLine: 5, endColumn: 26 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN echo $(date \\\n  && ls\nRUN if true; then echo; \n",
      errors: [
        { messageId: "shellSyntax", line: 2, column: 10, endLine: 2, endColumn: 18 },
        { messageId: "shellSyntax", line: 4, column: 5, endLine: 4, endColumn: 25 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN <<EOF\napk add curl\nCOPY a /b\n",
      errors: [{ messageId: "heredoc", line: 2, column: 5, endLine: 2, endColumn: 10 }],
    },
  ],
});
