import rule from "../../../rules/dockerfile/pip-extra-index-url.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM python:3.12\nRUN pip install --index-url https://pypi.acme/simple acme\n",
    "FROM python:3.12\nENV PIP_EXTRA_INDEX_URL=\n",
    "FROM python:3.12\nRUN echo --extra-index-url\n",
    "FROM python:3.12\nRUN [\"pip\", \"install\", \"--extra-index-url\", \"x\"]\n",
  ],
  invalid: [
    {
      code: "FROM python:3.12\nRUN pip install --extra-index-url https://x/simple acme && python3 -m pip install --extra-index-url=https://y b\n",
      errors: [
        { messageId: "extra", line: 2, column: 17, endLine: 2, endColumn: 34 },
        { messageId: "extra", line: 2, column: 83, endLine: 2, endColumn: 110 },
      ],
    },
    {
      code: "FROM python:3.12\nARG PIP_EXTRA_INDEX_URL=https://x/simple\nRUN pip3 config set global.extra-index-url https://x\nRUN PIP_EXTRA_INDEX_URL=https://y pip install a\n",
      errors: [
        { messageId: "extra", line: 2, column: 5, endLine: 2, endColumn: 24 },
        { messageId: "extra", line: 3, column: 21, endLine: 3, endColumn: 43 },
        { messageId: "extra", line: 4, column: 5, endLine: 4, endColumn: 48 },
      ],
    },
  ],
});
