import rule from "../../../rules/dockerfile/run-consolidation.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // cmd, the default shell of a Windows image: its commands are not counted
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\app\nRUN echo hi\n",
    "FROM ubuntu:24.04\nRUN apt-get install wget && wget https://x/f.tar && tar xzf f.tar && rm f.tar\n",
    "FROM ubuntu:24.04\nRUN a && b && c\nRUN d\n",
    "FROM ubuntu:24.04\nRUN a\nWORKDIR /app\nRUN b\n",
    "FROM ubuntu:24.04\nRUN --mount=type=cache,target=/root/.cache a\nRUN b\n",
    "FROM ubuntu:24.04\nCOPY README.md ./one\nCOPY package.json ./two\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Write-Host 'a'\nRUN Write-Host 'b'\n",
    "FROM golang:1.22 AS builder\nADD a.spec /rpmbuild/SOURCES\nADD b.patch /rpmbuild/SOURCES\nFROM alpine:3.20\nCOPY --from=builder /out /out\n",
  ],
  invalid: [
    {
      code: "FROM ubuntu:24.04\nRUN apt-get install -y wget\nRUN wget https://x/f.tar\n# unpack\nRUN tar xzf f.tar\n",
      errors: [{ messageId: "run", line: 2, column: 1, endLine: 5, endColumn: 18 }],
    },
    {
      code: "FROM ubuntu:24.04\nCOPY README.md ./\nCOPY package.json ./\nCOPY gulpfile.js ./\nRUN x\n",
      errors: [{ messageId: "copy", line: 2, column: 1, endLine: 4, endColumn: 20 }],
    },
    {
      code: "FROM ubuntu:24.04 AS a\nRUN one\nRUN two\nFROM a\nADD x.patch /src/\nADD y.patch /src/\n",
      errors: [
        { messageId: "run", line: 2, column: 1, endLine: 3, endColumn: 8 },
        { messageId: "copy", line: 5, column: 1, endLine: 6, endColumn: 18 },
      ],
    },
  ],
});
