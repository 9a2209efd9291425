import rule from "../../../rules/dockerfile/sudo-in-run.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM ubuntu:24.04\nRUN apt-get install -y sudo\n",
    "FROM ubuntu:24.04\nRUN echo sudo\n",
    "FROM ubuntu:24.04\nRUN [\"echo\", \"sudo\"]\n",
  ],
  invalid: [
    {
      // Root running a step as another user: sudo lowers rights here, the step belongs under that USER.
      code: "FROM debian:12\nRUN useradd app && sudo -u app make && sudo -E --user=app -H make install && sudo -uapp true\n",
      errors: [
        { messageId: "asUser", line: 2, column: 20, endLine: 2, endColumn: 24, data: { user: "app" } },
        { messageId: "asUser", line: 2, column: 40, endLine: 2, endColumn: 44, data: { user: "app" } },
        { messageId: "asUser", line: 2, column: 78, endLine: 2, endColumn: 82, data: { user: "app" } },
      ],
    },
    {
      code: "FROM alpine:3.5\nRUN sudo pip install --upgrade pip\n",
      errors: [{ messageId: "sudo", line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: "FROM alpine:3.5\nRUN pip install --upgrade pip\n",
    },
    {
      // Docker reads index.docker.io as docker.io: the Official Image, which runs as root.
      code: "FROM index.docker.io/library/debian:12\nRUN sudo make\n",
      errors: [{ messageId: "sudo", line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: "FROM index.docker.io/library/debian:12\nRUN make\n",
    },
    {
      // Every tag of python runs as root, one from a build argument too, and so does a base named by a global ARG's default.
      code: "ARG BASE=debian:12\nARG PY\nFROM python:${PY}-slim AS a\nRUN sudo make\nFROM ${BASE}\nRUN sudo make\n",
      errors: [
        { messageId: "sudo", line: 4, column: 5, endLine: 4, endColumn: 9 },
        { messageId: "sudo", line: 6, column: 5, endLine: 6, endColumn: 9 },
      ],
      output: "ARG BASE=debian:12\nARG PY\nFROM python:${PY}-slim AS a\nRUN make\nFROM ${BASE}\nRUN make\n",
    },
    {
      // An Official Image whose Dockerfile ends with a non-root USER: sudo may be what switches to root.
      code: "FROM sonarqube:lts\nRUN sudo make\n",
      errors: [{ messageId: "sudo", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
    {
      code: "FROM alpine:3.5\nRUN apk add curl && /usr/bin/sudo -u app make\n",
      errors: [{ messageId: "asUser", line: 2, column: 21, endLine: 2, endColumn: 34 }],
    },
    {
      code: "FROM alpine:3.5\nRUN [\"sudo\", \"make\"]\nONBUILD RUN sudo make\n",
      errors: [
        { messageId: "sudo", line: 2, column: 5, endLine: 2, endColumn: 21 },
        { messageId: "sudo", line: 3, column: 13, endLine: 3, endColumn: 17 },
      ],
    },
    {
      // as root, sudo changes nothing but the environment, which -E keeps
      code: "FROM ubuntu:24.04\nENV DEBIAN_FRONTEND=noninteractive\nUSER root\nRUN sudo -E apt-get update && sudo --preserve-env -n -u root apt-get install -y curl\n",
      errors: [
        { messageId: "sudo", line: 4, column: 5, endLine: 4, endColumn: 9 },
        { messageId: "sudo", line: 4, column: 31, endLine: 4, endColumn: 35 },
      ],
      output: "FROM ubuntu:24.04\nENV DEBIAN_FRONTEND=noninteractive\nUSER root\nRUN apt-get update && apt-get install -y curl\n",
    },
    {
      // a Docker Official Image that runs as root, and no ENV or ARG that sudo would hide
      code: "FROM debian:12\nRUN echo ok | sudo tee /etc/motd\n",
      errors: [{ messageId: "sudo", line: 2, column: 15, endLine: 2, endColumn: 19 }],
      output: "FROM debian:12\nRUN echo ok | tee /etc/motd\n",
    },
    {
      // no fix: the RUN runs as app, which needs sudo
      code: "FROM ubuntu:24.04\nUSER root\nRUN useradd app\nUSER app\nRUN sudo -E make install\n",
      errors: [{ messageId: "sudo", line: 5, column: 5, endLine: 5, endColumn: 9 }],
    },
    {
      // no fix: an image of unknown make may run as another user
      code: "FROM example/devbox:1\nRUN sudo -E make install\n",
      errors: [{ messageId: "sudo", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
    {
      // no fix: without -E, sudo hides the ENV values from the command
      code: "FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive\nRUN sudo apt-get install -y tzdata\n",
      errors: [{ messageId: "sudo", line: 3, column: 5, endLine: 3, endColumn: 9 }],
    },
    {
      // no fix: sudo looks commands up in its secure_path, not the PATH the stage sets
      code: "FROM debian:12\nENV PATH=/opt/venv/bin:$PATH\nRUN sudo -E pip install x\n",
      errors: [{ messageId: "sudo", line: 3, column: 5, endLine: 3, endColumn: 9 }],
    },
    {
      // no fix: a login shell (-i) starts in root's home
      code: "FROM debian:12\nRUN sudo -i make install\n",
      errors: [{ messageId: "sudo", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
  ],
});
