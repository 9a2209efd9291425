import rule from "../../../rules/dockerfile/pip-cache-kept.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n",
    // pip's option parser takes an unambiguous prefix of a long option.
    "FROM python:3.12\nRUN pip install --no-cache -r requirements.txt\n",
    "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.3\n",
    "FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install flask==3.0.3\n",
    "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask==3.0.3\n",
    // pip disables the cache for any boolean value, false ones included (pypa/pip#5735).
    "FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install --require-hashes -r requirements.txt\n",
    "FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask==3.0.3\n",
    "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=false pip install flask==3.0.3\n",
    "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n",
    "FROM python:3.12\nRUN pipx install black==24.4.2 && pip download flask\n",
    "FROM python:3.12\nRUN [\"pip3\", \"install\", \"requests==2.7.0\", \"--no-cache-dir\"]\n",
    // A builder stage whose output is copied: its layers, cache included, are never shipped.
    "FROM python:3.12 AS wheels\nRUN pip install --prefix=/install flask==3.0.3\nFROM python:3.12-slim\nCOPY --from=wheels /install /usr/local\n",
  ],
  invalid: [
    {
      // The stage the final one is built FROM ships its layers.
      code: "FROM python:3.12 AS base\nRUN pip install flask==3.0.3\nFROM base\nCMD [\"flask\"]\n",
      errors: [{ messageId: "cache", line: 2, column: 9, endLine: 2, endColumn: 16 }],
      output: "FROM python:3.12 AS base\nRUN pip install --no-cache-dir flask==3.0.3\nFROM base\nCMD [\"flask\"]\n",
    },
    {
      // `--no-compile` is another option, not an abbreviation of --no-cache-dir.
      code: "FROM python:3.12\nRUN pip install --no-compile flask==3.0.3\n",
      errors: [{ messageId: "cache", line: 2, column: 9, endLine: 2, endColumn: 16 }],
      output: "FROM python:3.12\nRUN pip install --no-cache-dir --no-compile flask==3.0.3\n",
    },
    {
      code: "FROM python:3.12\nRUN pip install --upgrade pip && \\\n    python -m pip install flask==3.0.3\n",
      errors: [
        { messageId: "cache", line: 2, column: 9, endLine: 2, endColumn: 16 },
        { messageId: "cache", line: 3, column: 19, endLine: 3, endColumn: 26 },
      ],
      output: "FROM python:3.12\nRUN pip install --no-cache-dir --upgrade pip && \\\n    python -m pip install --no-cache-dir flask==3.0.3\n",
    },
    {
      // ENV after the RUN does not help it
      code: "FROM python:3.12\nRUN /opt/venv/bin/pip install -r requirements.txt\nENV PIP_NO_CACHE_DIR=1\n",
      errors: [{ messageId: "cache", line: 2, column: 23, endLine: 2, endColumn: 30 }],
      output: "FROM python:3.12\nRUN /opt/venv/bin/pip install --no-cache-dir -r requirements.txt\nENV PIP_NO_CACHE_DIR=1\n",
    },
    {
      code: "FROM python:3.12\nRUN [\"pip3\", \"install\", \"requests==2.7.0\"]\n",
      errors: [{ messageId: "cache", line: 2, column: 14, endLine: 2, endColumn: 23 }],
      output: "FROM python:3.12\nRUN [\"pip3\", \"install\", \"--no-cache-dir\", \"requests==2.7.0\"]\n",
    },
  ],
});
