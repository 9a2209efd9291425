import rule from "../../../rules/dockerfile/shell-change-via-run.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nSHELL [\"/bin/bash\", \"-c\"]\nRUN ln -sf /bin/true /sbin/initctl\n",
    "FROM alpine:3.20\nRUN ln -s foo bar && something_with /bin/sh\n",
    "FROM alpine:3.20\nRUN chsh -s /bin/zsh dev\n",
    "FROM mcr.microsoft.com/powershell:7.4\nRUN [\"pwsh\", \"-Command\", \"Get-Date\"]\n",
    "FROM alpine:3.20\nRUN echo x && pwsh -c y\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.5\nRUN ln -sfv /bin/bash /bin/sh\n",
      errors: [{ messageId: "replace", line: 2, column: 23, endLine: 2, endColumn: 30 }],
    },
    {
      code: "FROM alpine:3.5\nRUN powershell -command\nRUN chsh -s /bin/bash && dpkg-reconfigure -f noninteractive dash\n",
      errors: [
        { messageId: "wrap", line: 2, column: 5, endLine: 2, endColumn: 15 },
        { messageId: "replace", line: 3, column: 5, endLine: 3, endColumn: 9 },
        { messageId: "replace", line: 3, column: 26, endLine: 3, endColumn: 42 },
      ],
    },
  ],
});
