import rule from "../../../rules/dockerfile/expose-invalid.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM nginx:1.27\nEXPOSE 3000 80 443 22\n",
    // Docker reads each word without its quotes.
    "FROM nginx:1.27\nEXPOSE \"3000\" '53/udp'\n",
    "FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 9000-9010 5000-5001/sctp 0\n",
    "FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT ${ADMIN_PORT:-9000}/tcp\n",
  ],
  invalid: [
    {
      code: "FROM nginx:1.27\nEXPOSE 65536/tcp 80 443 22\n",
      errors: [{ messageId: "range", line: 2, column: 8, endLine: 2, endColumn: 17 }],
    },
    {
      code: "FROM nginx:1.27\nEXPOSE 8080:80 127.0.0.1:443:443/tcp 80/TCP\n",
      errors: [
        { messageId: "mapping", line: 2, column: 8, endLine: 2, endColumn: 15 },
        { messageId: "mapping", line: 2, column: 16, endLine: 2, endColumn: 37 },
        { messageId: "protoCase", line: 2, column: 41, endLine: 2, endColumn: 44 },
      ],
      output: "FROM nginx:1.27\nEXPOSE 80 443/tcp 80/tcp\n",
    },
    {
      code: "FROM nginx:1.27\nEXPOSE http 80/http 90-80\n",
      errors: [
        { messageId: "format", line: 2, column: 8, endLine: 2, endColumn: 12 },
        { messageId: "proto", line: 2, column: 16, endLine: 2, endColumn: 20 },
        { messageId: "format", line: 2, column: 21, endLine: 2, endColumn: 26 },
      ],
    },
    {
      // A word split by a line continuation: the protocol's letters are not all at the word's end,
      // so the whole word is reported and no fix rewrites the wrong letters (80/T\ CP → 80/Ttcp).
      code: "FROM nginx:1.27\nEXPOSE 80/T\\\nCP 443/\\\nUDP\n",
      errors: [
        { messageId: "protoCase", line: 2, column: 8, endLine: 3, endColumn: 3 },
        { messageId: "protoCase", line: 4, column: 1, endLine: 4, endColumn: 4 },
      ],
      output: "FROM nginx:1.27\nEXPOSE 80/T\\\nCP 443/\\\nudp\n",
    },
  ],
});
