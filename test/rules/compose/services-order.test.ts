import rule from "../../../rules/compose/services-order.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  api:\n    image: app:1\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27\n",
    // Documents of one file merge in order; the merged order is no document's.
    "services:\n  web:\n    image: nginx:1.27\n---\nservices:\n  api:\n    image: app:1\n",
  ],
  invalid: [
    {
      // Each entry moves with its comments, the first one's too; one fix sorts the whole map.
      code: "services:\n  # the front door\n  web:\n    image: nginx:1.27\n    # ports:\n    #   - 80:80\n\n  # data\n  db:\n    image: postgres:16\n\n  api:\n    image: app:1\nvolumes: {}\n",
      errors: [
        { messageId: "order", line: 9, column: 3, endLine: 9, endColumn: 5 },
        { messageId: "order", line: 12, column: 3, endLine: 12, endColumn: 6 },
      ],
      output: "services:\n  api:\n    image: app:1\n\n  # data\n  db:\n    image: postgres:16\n\n  # the front door\n  web:\n    image: nginx:1.27\n    # ports:\n    #   - 80:80\nvolumes: {}\n",
    },
    {
      // From the corpus (docker-elk, jitsi): the comment above the first service describes it and
      // moves with it, also after a blank line below `services:`; one separated from it by a blank
      // line heads the block and stays.
      code: "services:\n\n  # The 'setup' service runs once.\n  setup:\n    image: setup:1\n\n  kibana:\n    image: kibana:8\n",
      errors: [{ messageId: "order", line: 7, column: 3, endLine: 7, endColumn: 9 }],
      output: "services:\n\n  kibana:\n    image: kibana:8\n\n  # The 'setup' service runs once.\n  setup:\n    image: setup:1\n",
    },
    {
      // From the corpus (jitsi): the comment above the next top-level key, which the YAML parser
      // counts into the last service, stays above that key, and each service keeps its own comment.
      code: "services:\n    # Frontend\n    web:\n        image: web:1\n\n    # Video bridge\n    jvb:\n        image: jvb:1\n        networks:\n            meet.jitsi:\n\n# Custom network\nnetworks:\n    meet.jitsi:\n",
      errors: [{ messageId: "order", line: 7, column: 5, endLine: 7, endColumn: 8 }],
      output: "services:\n    # Video bridge\n    jvb:\n        image: jvb:1\n        networks:\n            meet.jitsi:\n\n    # Frontend\n    web:\n        image: web:1\n\n# Custom network\nnetworks:\n    meet.jitsi:\n",
    },
    {
      code: "services:\n  # Backends\n\n  web:\n    image: nginx:1.27\n  api:\n    image: app:1\n",
      errors: [{ messageId: "order", line: 6, column: 3, endLine: 6, endColumn: 6 }],
      output: "services:\n  # Backends\n\n  api:\n    image: app:1\n  web:\n    image: nginx:1.27\n",
    },
    {
      // No line break at the end of the file, and CRLF line breaks.
      code: "services:\n  b:\n    image: x:1\n  a:\n    image: y:1",
      errors: [{ messageId: "order", line: 4, column: 3, endLine: 4, endColumn: 4 }],
      output: "services:\n  a:\n    image: y:1\n  b:\n    image: x:1",
    },
    {
      code: "services:\r\n  b:\r\n    image: x:1\r\n  a:\r\n    image: y:1\r\nvolumes: {}\r\n",
      errors: [{ messageId: "order", line: 4, column: 3, endLine: 4, endColumn: 4 }],
      output: "services:\r\n  a:\r\n    image: y:1\r\n  b:\r\n    image: x:1\r\nvolumes: {}\r\n",
    },
    {
      // An alias may not move above its anchor: reported without a fix.
      code: "services:\n  web:\n    image: &img app:1\n  api:\n    image: *img\n",
      errors: [{ messageId: "order", line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
  ],
});
