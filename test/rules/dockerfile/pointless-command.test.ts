import rule from "../../../rules/dockerfile/pointless-command.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM ubuntu:24.04\nRUN apt-get install -y nano vim ssh\n", "FROM ubuntu:24.04\nRUN x11vnc -storepasswd 1234 ~/.vnc/passwd\n", "FROM ubuntu:24.04\nCMD top\n",
    // BuildKit forwards the SSH agent to this step: ssh does real work here
    "FROM alpine:3.20\nRUN --mount=type=ssh ssh -o StrictHostKeyChecking=accept-new git@github.com info\n"],
  invalid: [
    {
      // `top` waits for a terminal: no fix; the exec-form ps only prints, its RUN goes.
      code: "FROM golang:1.12.0-stretch\nRUN top\nRUN [\"ps\", \"-d\"]\n",
      errors: [
        { messageId: "pointless", line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: "pointless", line: 3, column: 5, endLine: 3, endColumn: 17 },
      ],
      output: "FROM golang:1.12.0-stretch\nRUN top\n",
    },
    {
      code: "FROM debian:12\nRUN apt-get install -y procps\n  RUN free -m \\\n  -h\nCMD [\"app\"]\n",
      errors: [{ messageId: "pointless", line: 3, column: 7, endLine: 3, endColumn: 11 }],
      output: "FROM debian:12\nRUN apt-get install -y procps\nCMD [\"app\"]\n",
    },
    // No fix: one command of several, redirected output (a file in the image), a flag, a comment line inside.
    ...(
      [
        ["FROM debian:12\nRUN ps aux && make\n", 5, 7],
        ["FROM debian:12\nRUN ps aux > /ps.txt\n", 5, 7],
        ["FROM debian:12\nRUN --network=none ps aux\n", 20, 22],
        ["FROM debian:12\nRUN \\\n# show\n  ps aux\n", 3, 5, 4],
      ] as const
    ).map(([code, column, endColumn, line = 2]) => ({ code, errors: [{ messageId: "pointless", line, column, endLine: line, endColumn }] })),
    {
      code: "FROM ubuntu:24.04\nRUN service nginx start && /usr/bin/vim x\n",
      errors: [
        { messageId: "pointless", line: 2, column: 5, endLine: 2, endColumn: 12 },
        { messageId: "pointless", line: 2, column: 28, endLine: 2, endColumn: 40 },
      ],
    },
  ],
});
