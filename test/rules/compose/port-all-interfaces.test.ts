import rule from "../../../rules/compose/port-all-interfaces.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Host network: Docker discards `ports` (nothing is published; host-network reports the service).
    "services:\n  app:\n    image: example/app:1\n    network_mode: host\n    ports:\n      - \"8080:8080\"\n",
    "services:\n  web:\n    image: nginx:1.27\n",
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"127.0.0.1:8080:80\"\n      - \"[::1]:8443:443\"\n",
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80\"\n      - \"127.0.0.1::5000\"\n",
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"${BIND_IP}:8080:80\"\n",
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n      - target: 81\n        published: 127.0.0.1:8081\n",
    // a reverse proxy taking the HTTP(S) ports is the public entry point by design
    "services:\n  proxy:\n    image: traefik:v3.1\n    ports:\n      - \"80:80\"\n      - \"443:443\"\n",
    // Ports the long syntax declares as HTTP(S) on 80 and 443: the service is the public web entry point.
    "services:\n  zulip:\n    image: ghcr.io/zulip/zulip-server:12.1-0\n    ports:\n      - name: http\n        target: 80\n        published: 80\n        app_protocol: http\n      - name: https\n        target: 443\n        published: \"443\"\n        app_protocol: https\n",
    // mattermost/docker: nginx on HTTP(S) behind host ports set by variables without defaults
    "services:\n  nginx:\n    image: nginx:${NGINX_IMAGE_TAG}\n    ports:\n      - ${HTTPS_PORT}:443\n      - ${HTTP_PORT}:80\n",
    // frappe_docker: an override fragment of nginx-proxy, whose image is in the Compose file beside it
    {
      code: "services:\n  nginx-proxy:\n    labels:\n      com.github.nginx-proxy.nginx: \"true\"\n    ports:\n      - ${HTTP_PUBLISH_PORT:-80}:80\n      - ${HTTPS_PUBLISH_PORT:-443}:443\n",
      filename: "overrides/compose.nginxproxy-ssl.yaml",
      files: { "overrides/compose.nginxproxy.yaml": "services:\n  nginx-proxy:\n    image: nginxproxy/nginx-proxy:alpine\n    ports:\n      - ${HTTP_PUBLISH_PORT:-80}:80\n" },
    },
    // nginx-proxy: an override kept in a test folder, merged into the base file one level up
    {
      code: "services:\n  nginx-proxy:\n    ports:\n      - \"80:80\"\n      - \"443:443\"\n",
      filename: "test/test_external-ports/compose.base.override.yml",
      files: { "test/compose.base.yml": "services:\n  nginx-proxy:\n    image: nginxproxy/nginx-proxy:test\n" },
    },
    // datastore ports are datastore-port-published's
    "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5433:5432\"\n  app:\n    build: .\n    ports:\n      - \"6379:6379\"\n",
  ],
  invalid: [
    {
      // `app_protocol: http` on another host port, or another protocol on 25, is still judged.
      code: "services:\n  app:\n    image: example/app:1\n    ports:\n      - target: 8000\n        published: 8080\n        app_protocol: http\n      - target: 25\n        published: 25\n        app_protocol: smtp\n",
      errors: [
        { messageId: "unbound", line: 5, column: 9, endLine: 7, endColumn: 27, service: "app" },
        { messageId: "unbound", line: 8, column: 9, endLine: 10, endColumn: 27, service: "app" },
      ],
    },
    {
      // A variable host port in front of a non-HTTP container port of a web server is still judged.
      code: "services:\n  nginx:\n    image: nginx:1.27\n    ports:\n      - ${ADMIN_PORT}:8080\n",
      errors: [{ messageId: "unbound", line: 5, column: 9, endLine: 5, endColumn: 27, service: "nginx" }],
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"8080:80\"\n      - 8443:443\n      - \"0.0.0.0:9000:9000/udp\"\n",
      errors: [
        { messageId: "unbound", line: 5, column: 9, endLine: 5, endColumn: 18, service: "web" },
        { messageId: "unbound", line: 6, column: 9, endLine: 6, endColumn: 17, service: "web" },
        { messageId: "unbound", line: 7, column: 9, endLine: 7, endColumn: 32, service: "web" },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"127.0.0.1:8080:80\"\n      - 127.0.0.1:8443:443\n      - \"127.0.0.1:9000:9000/udp\"\n",
    },
    {
      code: "services:\n  api:\n    build: .\n    ports:\n      - \"${API_PORT:-8000}:8000\"\n      - \"${METRICS_PORT}:9100\"\n      - target: 8000\n        published: 8001\n      - \"12400-12500:1240\"\n",
      errors: [
        { messageId: "unbound", line: 5, column: 9, endLine: 5, endColumn: 33 },
        { messageId: "unbound", line: 6, column: 9, endLine: 6, endColumn: 31 },
        { messageId: "unbound", line: 7, column: 9, endLine: 8, endColumn: 24 },
        { messageId: "unbound", line: 9, column: 9, endLine: 9, endColumn: 27 },
      ],
      output: "services:\n  api:\n    build: .\n    ports:\n      - \"127.0.0.1:${API_PORT:-8000}:8000\"\n      - \"${METRICS_PORT}:9100\"\n      - target: 8000\n        published: 8001\n      - \"127.0.0.1:12400-12500:1240\"\n",
    },
    {
      // A required variable (`${VAR:?message}`) publishes a host port as surely as one without default.
      code: "services:\n  api:\n    build: .\n    ports:\n      - \"${API_PORT:?set API_PORT}:8000\"\n      - ${ADMIN_PORT?}:9000\n",
      errors: [
        { messageId: "unbound", line: 5, column: 9, endLine: 5, endColumn: 41, data: { service: "api", target: "8000", published: "${API_PORT}" } },
        { messageId: "unbound", line: 6, column: 9, endLine: 6, endColumn: 28, data: { service: "api", target: "9000", published: "${ADMIN_PORT}" } },
      ],
    },
    {
      // From the corpus (immich): the variable holds the whole mapping (its default is `:2283:2283`),
      // so `127.0.0.1:` in front would give `127.0.0.1::2283:2283`: no fix. A default that is a
      // host and a container port still takes one (`127.0.0.1:8080:80`).
      code: "services:\n  immich-server:\n    image: ghcr.io/immich-app/immich-server:release\n    ports:\n      - ${EXPOSE_PORT-:2283:2283}\n      - \"${PORTS:-8080:80}\"\n",
      errors: [
        { messageId: "unbound", line: 5, column: 9, endLine: 5, endColumn: 34 },
        { messageId: "unbound", line: 6, column: 9, endLine: 6, endColumn: 28 },
      ],
      output: "services:\n  immich-server:\n    image: ghcr.io/immich-app/immich-server:release\n    ports:\n      - ${EXPOSE_PORT-:2283:2283}\n      - \"127.0.0.1:${PORTS:-8080:80}\"\n",
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  ports: [\"9100:9100\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "unbound", line: 3, column: 11, endLine: 3, endColumn: 22, service: "w1" }],
    },
  ],
});
