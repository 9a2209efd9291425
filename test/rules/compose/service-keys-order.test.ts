import rule from "../../../rules/compose/service-keys-order.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Documents of one file merge in order; the merged order is no document's.
    "services:\n  web:\n    image: nginx:1.27\n    restart: always\n---\nservices:\n  web:\n    ports: [\"80:80\"]\n",
    "x-base: &x\n  init: true\nservices:\n  web:\n    <<: *x\n    image: nginx:1.27\n    depends_on: [api]\n    volumes: []\n    environment: {}\n    ports: []\n    command: run\n    restart: always\n    logging: {}\n    user: app\n    x-note: a\n",
    { code: "services:\n  web:\n    user: app\n    image: nginx:1.27\n", options: { groupOrder: ["Security and Execution Context", "Core Definitions"] } },
    // `groups` replaces a group's keys: `user` joins the core definitions, after `image`.
    { code: "services:\n  web:\n    image: nginx:1.27\n    user: app\n    depends_on: [db]\n", options: { groups: { "Core Definitions": ["image", "user"] } } },
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    user: app\n",
      options: { groups: { "Core Definitions": ["image", "user"] } },
      errors: [{ messageId: "order", line: 5, column: 5, endLine: 5, endColumn: 9, service: "web" }],
      output: "services:\n  web:\n    image: nginx:1.27\n    user: app\n    depends_on: [db]\n",
    },
    {
      code: "services:\n  web:\n    restart: always\n    ports:\n      - \"80:80\"\n    image: nginx:1.27\n    stop_grace_period: 5s\n    cap_drop: [ALL]\n",
      errors: [
        { messageId: "order", line: 4, column: 5, endLine: 4, endColumn: 10, service: "web" },
        { messageId: "order", line: 6, column: 5, endLine: 6, endColumn: 10, service: "web" },
        { messageId: "order", line: 8, column: 5, endLine: 8, endColumn: 13, service: "web" },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:80\"\n    restart: always\n    cap_drop: [ALL]\n    stop_grace_period: 5s\n",
    },
    {
      // From the corpus (supabase): commented-out variables after a blank line at the end of
      // `environment` stay in it, not under the key that moves below it; the comment on the first
      // key moves with that key.
      code: "services:\n  auth:\n    # The name looks odd but is right\n    container_name: auth-x\n    image: gotrue:2\n    environment:\n      A: 1\n\n      # Uncomment for OAuth\n      # B: 2\n\n      # C: 3\n    restart: always\n    healthcheck:\n      test: [CMD, true]\n",
      errors: [{ messageId: "order", line: 5, column: 5, endLine: 5, endColumn: 10, service: "auth" }],
      output: "services:\n  auth:\n    image: gotrue:2\n    # The name looks odd but is right\n    container_name: auth-x\n    environment:\n      A: 1\n\n      # Uncomment for OAuth\n      # B: 2\n\n      # C: 3\n    restart: always\n    healthcheck:\n      test: [CMD, true]\n",
    },
    {
      code: "services:\n  auth:\n    restart: always\n    environment:\n      A: 1\n\n      # B: 2\n\n    image: gotrue:2\n",
      errors: [
        { messageId: "order", line: 4, column: 5, endLine: 4, endColumn: 16, service: "auth" },
        { messageId: "order", line: 9, column: 5, endLine: 9, endColumn: 10, service: "auth" },
      ],
      output: "services:\n  auth:\n    image: gotrue:2\n    environment:\n      A: 1\n\n      # B: 2\n\n    restart: always\n",
    },
  ],
});
