import rule from "../../../rules/compose/image-tag-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27-alpine\n",
    // A digest pins the image whatever the tag says.
    "services:\n  web:\n    image: nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\n",
    // A registry port is not a tag.
    "services:\n  web:\n    image: registry.local:5000/team/app:2.1.0\n",
    // Defaults are applied; a tag from a variable without a default is unknown.
    "services:\n  web:\n    image: ${IMAGE:-nginx:1.27}\n  api:\n    image: ghcr.io/org/api:${TAG}\n  worker:\n    image: ${WORKER_IMAGE}\n  cli:\n    image: org/cli:${TAG:-$VERSION}\n",
    // An empty default (`${TAG:-}`, `${TAG-}`) resolves like `${TAG}`: the tag is the environment's.
    "services:\n  web:\n    image: ghcr.io/acme/app:${TAG:-}\n  api:\n    image: \"ghcr.io/acme/api:${TAG-}\"\n  cli:\n    image: org/cli:${TAG:-${VERSION:-}}\n",
    // With build:, image names what is built.
    "services:\n  api:\n    build: .\n    image: org/api:latest\n",
    { code: "services:\n  web:\n    image: nginx:edge\n", options: { prohibitedTags: ["latest"] } },
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx\n",
      errors: [{ messageId: "noTag", line: 3, column: 12, endLine: 3, endColumn: 17, service: "web" }],
    },
    {
      code: "services:\n  web:\n    image: \"nginx:latest\"\n  cache:\n    image: redis:Stable\n  proxy:\n    image: ${REGISTRY:-docker.io}/traefik:${TRAEFIK_TAG:-latest}\n  db:\n    image: localhost:5000/postgres\n",
      errors: [
        { messageId: "floating", line: 3, column: 19, endLine: 3, endColumn: 25 },
        { messageId: "floating", line: 5, column: 18, endLine: 5, endColumn: 24 },
        // The moving tag is the fallback of a variable: used only when the variable is unset.
        { messageId: "floatingFallback", line: 7, column: 12, endLine: 7, endColumn: 65, data: { image: "docker.io/traefik:latest", tag: "latest", variable: "TRAEFIK_TAG" } },
        { messageId: "noTag", line: 9, column: 12, endLine: 9, endColumn: 35 },
      ],
    },
    {
      // The whole reference as a fallback; a fallback that is not the end of the reference is not the tag's.
      code: "services:\n  web:\n    image: ${IMAGE-docker.io/netboxcommunity/netbox:latest}\n  api:\n    image: ${REPO:-org/api}:latest\n",
      errors: [
        { messageId: "floatingFallback", line: 3, column: 12, endLine: 3, endColumn: 60, data: { image: "docker.io/netboxcommunity/netbox:latest", tag: "latest", variable: "IMAGE" } },
        { messageId: "floating", line: 5, column: 29, endLine: 5, endColumn: 35 },
      ],
    },
    {
      // An image shared through an anchor is reported once.
      code: "x-app: &app\n  image: org/app:dev\nservices:\n  a:\n    <<: *app\n  b:\n    <<: *app\n",
      errors: [{ messageId: "floating", line: 2, column: 18, endLine: 2, endColumn: 21, service: "a" }],
    },
  ],
});
