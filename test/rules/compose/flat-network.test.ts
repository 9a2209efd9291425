import rule from "../../../rules/compose/flat-network.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // One shared network, declared internal with a string Compose casts to true.
    "services:\n  web:\n    build: .\n    networks: [back]\n  worker:\n    build: .\n    networks: [back]\n  db:\n    image: postgres:16\n    networks: [back]\nnetworks:\n  back:\n    internal: \"${BACK_INTERNAL:-true}\"\n",
    // no datastore
    "services:\n  web:\n    image: nginx:1.27\n  api:\n    build: .\n",
    // a single service
    "services:\n  db:\n    image: postgres:16\n",
    // datastores on an internal backend network
    "services:\n  web:\n    build: .\n    networks: [front, back]\n  db:\n    image: postgres:16\n    networks: [back]\nnetworks:\n  front: {}\n  back:\n    internal: true\n",
    // two networks: the proxy is not on the backend one
    "services:\n  proxy:\n    image: nginx:1.27\n    networks: [front]\n  api:\n    build: .\n    networks: [front, back]\n  db:\n    image: postgres:16\n    networks: [back]\nnetworks:\n  front: {}\n  back: {}\n",
    // one client only, or only admin UIs besides the datastores
    "services:\n  app:\n    build: .\n  db:\n    image: postgres:16\n",
    "services:\n  mongodb:\n    image: mongo:7.0\n  mongo-express:\n    image: mongo-express:1.0\n  kafka:\n    image: confluentinc/cp-kafka:7.5.0\n  ui:\n    image: provectuslabs/kafka-ui:v0.7.2\n",
    // an override fragment
    "services:\n  api:\n    ports: [\"8000:8000\"]\n  db:\n    ports: [\"5432:5432\"]\n",
  ],
  invalid: [
    {
      // Three datastores are listed as a list, not chained with "and".
      code: "services:\n  api:\n    build: .\n  worker:\n    build: .\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7-alpine\n  queue:\n    image: rabbitmq:4.2\n",
      errors: [{ messageId: "flat", line: 1, column: 1, endLine: 1, endColumn: 9, data: { count: "5", datastores: "`db`, `cache` and `queue`", network: "default" } }],
    },
    {
      code: "services:\n  api:\n    build: .\n  worker:\n    build: .\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7-alpine\nvolumes:\n  pgdata: {}\n",
      errors: [{ messageId: "flat", line: 1, column: 1, endLine: 1, endColumn: 9 }],
    },
    {
      code: "services:\n  api:\n    build: .\n    networks: [app]\n  db:\n    image: postgres:16\n    networks:\n      app:\n        aliases: [database]\n  vpn:\n    image: example/vpn:1\n    network_mode: host\n  web:\n    image: nginx:1.27\n    networks: [app]\nnetworks:\n  app:\n    name: analyticbot_network\n",
      errors: [{ messageId: "flat", line: 16, column: 1, endLine: 16, endColumn: 9 }],
    },
  ],
});
