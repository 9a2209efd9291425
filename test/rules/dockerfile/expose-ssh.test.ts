import rule from "../../../rules/dockerfile/expose-ssh.js";
import { ruleTester, runCase } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM alpine:3.20\nEXPOSE 80 2222 220\n", "FROM alpine:3.20\nEXPOSE 22/udp\n", "FROM alpine:3.20\nEXPOSE\n"],
  invalid: [
    {
      code: "FROM alpine:3.3\nEXPOSE 3000 80 443 22\n",
      errors: [{ messageId: "ssh", line: 2, column: 20, endLine: 2, endColumn: 22 }],
    },
    {
      code: "FROM alpine:3.3\nEXPOSE 22/tcp\n",
      errors: [{ messageId: "ssh", line: 2, column: 8, endLine: 2, endColumn: 14 }],
    },
  ],
});

it("does not tell an image that serves Git or SFTP over SSH to drop the port", () => {
  const [finding] = runCase(rule, { code: "FROM alpine:3.20\nRUN apk add --no-cache openssh git\nEXPOSE 22/tcp 80/tcp\n" });
  expect(finding.message).toContain("unless SSH is the service itself");
});
