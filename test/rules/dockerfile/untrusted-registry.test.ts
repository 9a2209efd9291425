import rule from "../../../rules/dockerfile/untrusted-registry.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = { registries: ["registry.acme.io", "*.gcr.io"] };

ruleTester(rule, {
  valid: [
    "FROM quay.io/x/y:1\n",
    { code: "FROM registry.acme.io/node:20 AS build\nFROM build\nFROM eu.gcr.io/p/app:1\nCOPY --from=build /a /a\nFROM scratch\nFROM $BASE\n", options },
    { code: "FROM node:20\n", options: { registries: ["docker.io"] } },
  ],
  invalid: [
    {
      code: "ARG REGISTRY=quay.io/someone\nFROM ${REGISTRY}/tool:1.0\n",
      options,
      errors: [{ messageId: "untrusted", line: 2, column: 6, endLine: 2, endColumn: 26, data: { image: "quay.io/someone/tool:1.0", registry: "quay.io", allowed: "registry.acme.io, *.gcr.io" } }],
    },
    {
      code: "FROM quay.io/someone/tool:1.0\nFROM node:20\n",
      options,
      errors: [
        { messageId: "untrusted", line: 1, column: 6, endLine: 1, endColumn: 30 },
        { messageId: "untrusted", line: 2, column: 6, endLine: 2, endColumn: 13 },
      ],
    },
    {
      code: "FROM registry.acme.io/a:1\nCOPY --from=ghcr.io/x/y:2 /b /b\nRUN --mount=type=bind,from=docker.io/z:3,target=/z ls\n",
      options,
      errors: [
        { messageId: "untrusted", line: 2, column: 13, endLine: 2, endColumn: 26 },
        { messageId: "untrusted", line: 3, column: 5, endLine: 3, endColumn: 51 },
      ],
    },
  ],
});
