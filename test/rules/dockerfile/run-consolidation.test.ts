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
    // The backtick escape of Windows Dockerfiles: on an image that does not tell its platform, the scripts are taken for cmd's and not counted.
    "# escape=`\nFROM acme/build-tools:1\nRUN make\nRUN make install\n",
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
      output: "FROM ubuntu:24.04 AS a\nRUN one && \\\n    two\nFROM a\nADD x.patch /src/\nADD y.patch /src/\n",
    },
    {
      // The first script's `;` stays before the `&&`: `a; b && c` fails when b or c does, as the two RUNs did.
      code: "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update; apt-get install -y curl\n\nRUN --mount=type=cache,target=/var/cache/apt curl -fsSL https://x -o /x && \\\n  chmod +x /x\nRUN --mount=type=cache,target=/var/cache/apt /x --version\n",
      errors: [{ messageId: "run", line: 2, column: 1, endLine: 6, endColumn: 58 }],
      output: "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update; apt-get install -y curl && \\\n    curl -fsSL https://x -o /x && \\\n  chmod +x /x && \\\n    /x --version\n",
    },
    {
      // `(a || b) && c`: the first script's `||` binds before the `&&`.
      code: "FROM debian:12\nRUN make check || true\nRUN make install\n",
      errors: [{ messageId: "run", line: 2, column: 1, endLine: 3, endColumn: 17 }],
      output: "FROM debian:12\nRUN make check || true && \\\n    make install\n",
    },
    {
      // A shell pragma makes the scripts POSIX ones under the backtick escape: the merge continues its lines with a backtick.
      code: "# escape=`\n# hadolint shell=bash\nFROM debian:12\nRUN make `\n  all\nRUN make install\n",
      errors: [{ messageId: "run", line: 4, column: 1, endLine: 6, endColumn: 17 }],
      output: "# escape=`\n# hadolint shell=bash\nFROM debian:12\nRUN make `\n  all && `\n    make install\n",
    },
    {
      // Debian's image builds Linux containers whatever the escape character: /bin/sh runs the scripts.
      code: "# escape=`\nFROM debian:12\nRUN make `\n  all\nRUN make install\n",
      errors: [{ messageId: "run", line: 3, column: 1, endLine: 5, endColumn: 17 }],
      output: "# escape=`\nFROM debian:12\nRUN make `\n  all && `\n    make install\n",
    },
    {
      code: "FROM debian:12\nRUN make > build.log 2>&1\nRUN FOO=1 make install\n",
      errors: [{ messageId: "run", line: 2, column: 1, endLine: 3, endColumn: 23 }],
      output: "FROM debian:12\nRUN make > build.log 2>&1 && \\\n    FOO=1 make install\n",
    },
    // No fix: a `cd` or `export` would reach the next script; a later `;` or `||` would escape the `&&`;
    // compound commands, background jobs, exec form, a comment in between, a trailing `;`.
    ...(
      [
        ["FROM debian:12\nRUN cd /src && make\nRUN make install\n", 17],
        ["FROM debian:12\nRUN export CC=clang\nRUN make\n", 9],
        ["FROM debian:12\nSHELL [\"/bin/bash\", \"--login\", \"-c\"]\nRUN conda activate build\nRUN make\n", 9, 3],
        ["FROM debian:12\nRUN make\nRUN make install; make clean\n", 29],
        ["FROM debian:12\nRUN make\nRUN make check || true\n", 23],
        ["FROM debian:12\nRUN if [ -f x ]; then make; fi\nRUN make install\n", 17],
        ["FROM debian:12\nRUN make & sleep 1\nRUN make install\n", 17],
        ["FROM debian:12\nRUN [\"make\"]\nRUN make install\n", 17],
        ["FROM debian:12\nRUN make\n# install\nRUN make install\n", 17],
        ["FROM debian:12\nRUN make;\nRUN make install\n", 17],
      ] as const
    ).map(([code, endColumn, line = 2]) => ({ code, errors: [{ messageId: "run", line, column: 1, endLine: code.split("\n").length - 1, endColumn }] })),
  ],
});
