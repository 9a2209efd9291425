import rule from "../../../rules/dockerfile/add-instead-of-copy.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nCOPY app /app\n",
    "FROM alpine:3.20\nADD https://example.com/x.tar.gz /tmp/\n",
    "FROM alpine:3.20\nADD rootfs.tar.xz /\n",
    "FROM alpine:3.20\nADD git@github.com:org/repo.git /src\n",
    "FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n",
    "FROM alpine:3.20\nADD\n",
  ],
  invalid: [
    {
      // ADD does not unpack lzip or compress archives: it copies them like COPY
      code: "FROM alpine:3.20\nADD app.tar.lz /opt/\n",
      errors: [{ messageId: "add", line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: "FROM alpine:3.20\nCOPY app.tar.lz /opt/\n",
    },
    {
      code: "FROM alpine:3.20\nADD app.py /app/\n",
      errors: [{ messageId: "add", line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: "FROM alpine:3.20\nCOPY app.py /app/\n",
    },
    {
      code: "FROM alpine:3.20\nadd --chown=1000 [\"a b\", \"c\", \"/dst/\"]\n",
      errors: [{ messageId: "add", line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: "FROM alpine:3.20\ncopy --chown=1000 [\"a b\", \"c\", \"/dst/\"]\n",
    },
    {
      code: "FROM openjdk:10-jdk\nARG JAR_FILE\nADD ${JAR_FILE} app.jar\nADD https://x.io/a.tgz conf.yml /opt/\n",
      errors: [
        { messageId: "add", line: 3, column: 1, endLine: 3, endColumn: 4 },
        { messageId: "add", line: 4, column: 1, endLine: 4, endColumn: 4 },
      ],
    },
    {
      // Not fixed: a pattern may match a tar archive, which ADD unpacks and COPY would not.
      code: "FROM alpine:3.20\nADD files* /data/\nADD conf/app?.yml /etc/app/\nADD [\"lib/[ab].jar\", \"/opt/\"]\n",
      errors: [
        { messageId: "add", line: 2, column: 1, endLine: 2, endColumn: 4 },
        { messageId: "add", line: 3, column: 1, endLine: 3, endColumn: 4 },
        { messageId: "add", line: 4, column: 1, endLine: 4, endColumn: 4 },
      ],
    },
  ],
});
