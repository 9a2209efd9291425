import rule from "../../../rules/dockerfile/pip-version-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n",
    "FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3 'gunicorn>=22,<23' uvicorn~=0.30\n",
    "FROM python:3.12\nRUN pip install -c constraints.txt flask\n",
    "FROM python:3.12\nRUN pip install . && pip install -e ./lib dist/app-1.0-py3-none-any.whl\n",
    "FROM python:3.12\nRUN pip install git+https://github.com/org/lib.git@v1.2.0\n",
    "FROM python:3.12\nRUN pip install \"django==${DJANGO_VERSION}\" $EXTRA\n",
    "FROM python:3.12\nRUN pipx install black\n",
  ],
  invalid: [
    {
      code: "FROM python:3.12\nRUN pip install --upgrade pip && python -m pip install --no-cache-dir flask==3.0.3 requests\n",
      errors: [
        { messageId: "unpinned", line: 2, column: 27, endLine: 2, endColumn: 30 },
        { messageId: "unpinned", line: 2, column: 84, endLine: 2, endColumn: 92 },
      ],
    },
    {
      code: "FROM python:3.12\nRUN [\"pip\", \"install\", \"connexion\"]\n",
      errors: [{ messageId: "unpinned", line: 2, column: 24, endLine: 2, endColumn: 35 }],
    },
    {
      code: "FROM python:3.12\nRUN /opt/venv/bin/pip3 install -r requirements.txt gunicorn\n",
      errors: [{ messageId: "unpinned", line: 2, column: 52, endLine: 2, endColumn: 60 }],
    },
  ],
});
