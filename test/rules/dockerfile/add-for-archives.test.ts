import rule from "../../../rules/dockerfile/add-for-archives.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nCOPY packaged-app.tar /usr/src/app\nFROM debian:11 AS newstage\nRUN tar -xf /usr/src/app/packaged-app.tar\n",
    "FROM debian:12\nCOPY package.json /usr/src/app\nRUN tar -xf package.json\n",
    "FROM debian:12\nCOPY --from=builder /usr/local/share/some.tar /opt/some.tar\nRUN tar -xf /opt/some.tar\n",
    "FROM debian:12\nCOPY a.tar /x/\nRUN tar -cf a.tar /y\n",
    // ADD unpacks only uncompressed, gzip, bzip2, xz and zstd tar archives: not lzip, lzma or compress
    "FROM debian:12\nCOPY app.tar.lz app.tar.Z /tmp/\nRUN tar --lzip -xf /tmp/app.tar.lz && tar -xZf /tmp/app.tar.Z\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nCOPY app.tar.zst /tmp/\nRUN tar --zstd -xf /tmp/app.tar.zst\n",
      errors: [{ messageId: "archive", line: 2, column: 6, endLine: 2, endColumn: 17 }],
    },
    {
      code: "FROM debian:12\nCOPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar\n",
      errors: [{ messageId: "archive", line: 2, column: 6, endLine: 2, endColumn: 22 }],
    },
    {
      code: "FROM debian:12\nCOPY foo/bar/packaged-app.tar /foo.tar\nRUN tar xzf /foo.tar && gunzip /foo.tar\n",
      errors: [{ messageId: "archive", line: 2, column: 6, endLine: 2, endColumn: 30 }],
    },
    {
      code: 'FROM debian:12\nCOPY ["dist/app.tgz", "/opt/"]\nRUN tar -xzf /opt/app.tgz -C /opt\n',
      errors: [{ messageId: "archive", line: 2, column: 7, endLine: 2, endColumn: 21 }],
    },
  ],
});
