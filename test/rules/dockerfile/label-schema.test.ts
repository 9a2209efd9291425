import rule from "../../../rules/dockerfile/label-schema.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = {
  schema: {
    "org.opencontainers.image.version": "semver",
    "org.opencontainers.image.source": "url",
    "org.opencontainers.image.licenses": "spdx",
    "org.opencontainers.image.revision": "hash",
    "org.opencontainers.image.created": "rfc3339",
    "org.opencontainers.image.authors": "email",
  },
};
const good =
  'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.2.0" org.opencontainers.image.source="https://github.com/acme/app" \\\n' +
  '  org.opencontainers.image.licenses="(MIT OR Apache-2.0) AND BSD-3-Clause" org.opencontainers.image.revision="a1b2c3d" \\\n' +
  '  org.opencontainers.image.created="2024-05-01T12:00:00Z" org.opencontainers.image.authors="Team <team@example.com>"\n';

ruleTester(rule, {
  valid: ["FROM alpine:3.20\nLABEL org.example.team=core\n", { code: good, options }, { code: good, options: { ...options, strict: true } }],
  invalid: [
    {
      code: "FROM alpine:3.20\nLABEL Maintainer=x com.docker.thing=y\n",
      errors: [
        { messageId: "invalidKey", line: 2, column: 7, endLine: 2, endColumn: 17 },
        { messageId: "invalidKey", line: 2, column: 20, endLine: 2, endColumn: 36 },
      ],
    },
    {
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.2" org.opencontainers.image.source="" other=x\n',
      options: { schema: { "org.opencontainers.image.version": "semver", "org.opencontainers.image.source": "url", "org.opencontainers.image.licenses": "spdx" }, strict: true },
      errors: [
        { messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 17 },
        { messageId: "invalidValue", line: 2, column: 40, endLine: 2, endColumn: 46 },
        { messageId: "empty", line: 2, column: 47, endLine: 2, endColumn: 81 },
        { messageId: "notInSchema", line: 2, column: 82, endLine: 2, endColumn: 87 },
      ],
    },
    {
      code: 'FROM alpine:3.20\nLABEL a.url="https//x" a.spdx="MIT OR" a.mail="nobody" a.time="2024-13-45" a.hash="xyz"\n',
      options: { schema: { "a.url": "url", "a.spdx": "spdx", "a.mail": "email", "a.time": "rfc3339", "a.hash": "hash" } },
      errors: [
        { messageId: "invalidValue", line: 2, column: 13, endLine: 2, endColumn: 23 },
        { messageId: "invalidValue", line: 2, column: 31, endLine: 2, endColumn: 39 },
        { messageId: "invalidValue", line: 2, column: 47, endLine: 2, endColumn: 55 },
        { messageId: "invalidValue", line: 2, column: 63, endLine: 2, endColumn: 75 },
        { messageId: "invalidValue", line: 2, column: 83, endLine: 2, endColumn: 88 },
      ],
    },
    {
      code: `FROM alpine:3.20\nLABEL l="${"(".repeat(5000)}MIT${")".repeat(5000)}"\n`,
      options: { schema: { l: "spdx" } },
      errors: [{ messageId: "invalidValue", line: 2, column: 9, endLine: 2, endColumn: 10014 }],
    },
  ],
});
