import rule from "../../../rules/compose/sensitive-host-mount.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // A required variable (`${VAR:?message}`) is an unknown directory, not the empty string.
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - ${APP_ROOT:?set APP_ROOT}/etc:/app/etc\n      - ${CONF?}/var/lib:/data\n",
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - ./static:/srv/static\n      - data:/var/lib/app\n      - /var/lib/anonymous\n      - /etc/localtime:/etc/localtime:ro\n      - /etc/ssl/certs:/etc/ssl/certs:ro\n      - /var/run/docker.sock:/var/run/docker.sock\n      - ${PWD}/etc/app.conf:/etc/app.conf\n      - /srv/app/uploads:/uploads\n",
    "services:\n  app:\n    image: example/app:1\nvolumes:\n  data:\n    driver: local\n    driver_opts:\n      type: nfs\n      device: \":/exports/data\"\n  other:\n    driver: local-persist\n    driver_opts:\n      mountpoint: ${CONTAINERVOLUME}/mysql\n",
    // Read-only CA bundles: each trust-store directory and the files under it.
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro\n      - /etc/ca-certificates/update.d:/etc/ca-certificates/update.d:ro\n      - /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem:/etc/ssl/cert.pem:ro\n      - /usr/local/share/ca-certificates/corp-root.crt:/usr/local/share/ca-certificates/corp-root.crt:ro\n      - type: bind\n        source: /etc/ssl/certs/ca-certificates.crt\n        target: /etc/ssl/certs/ca-certificates.crt\n        read_only: true\n",
    // `read_only` as a string, as Compose casts it (a variable's default included).
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - type: bind\n        source: /etc/ssl/certs\n        target: /etc/ssl/certs\n        read_only: \"true\"\n      - type: bind\n        source: /etc/pki/ca-trust\n        target: /etc/pki/ca-trust\n        read_only: ${CERTS_RO:-true}\n",
    // `${PWD}` and relative paths are the project directory, another variable no known directory:
    // a `.docker` or `.ssh` folder there is not the user's credential store.
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - ${PWD}/.docker/php/php.ini:/usr/local/etc/php/php.ini:ro\n      - ./.docker/nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n      - .docker/mysql:/docker-entrypoint-initdb.d:ro\n      - ${DEPLOY_DIR}/.ssh/known_hosts:/etc/ssh/ssh_known_hosts:ro\n",
    // An application's own directory under /var (its data, its logs, its web root) is no host state.
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - /var/log/nginx:/var/log/nginx\n      - /var/lib/myapp/data:/data\n      - /var/www/html:/usr/share/nginx/html:ro\nvolumes:\n  vol:\n    driver: local\n    driver_opts:\n      device: /var/lib/backup/data\n      o: bind\n  wp:\n    driver: local-persist\n    driver_opts:\n      mountpoint: /var/data\n",
  ],
  invalid: [
    {
      code: "services:\n  exporter:\n    image: prom/node-exporter:v1.8.2\n    volumes:\n      - /proc:/host/proc:ro\n      - \"/:/rootfs:ro\"\n      - ~/.ssh:/root/.ssh\n      - type: bind\n        source: /etc/exercise\n        target: /etc/exercise\n",
      errors: [
        { messageId: "service", line: 5, column: 9, endLine: 5, endColumn: 14, service: "exporter" },
        { messageId: "service", line: 6, column: 10, endLine: 6, endColumn: 11, service: "exporter" },
        { messageId: "service", line: 7, column: 9, endLine: 7, endColumn: 15, service: "exporter" },
        { messageId: "service", line: 9, column: 17, endLine: 9, endColumn: 30, service: "exporter" },
      ],
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\nvolumes:\n  vol:\n    driver: local\n    driver_opts:\n      device: /var/lib/docker/volumes\n      o: bind\n  wp:\n    driver: local-persist\n    driver_opts:\n      mountpoint: /var/spool/cron\n",
      errors: [
        { messageId: "volume", line: 8, column: 15, endLine: 8, endColumn: 38, data: { volume: "vol", source: "/var/lib/docker/volumes", where: "inside the system directory /var/lib/docker" } },
        { messageId: "volume", line: 13, column: 19, endLine: 13, endColumn: 34 },
      ],
    },
    {
      // Under /var: the whole tree, the host's own logs, runtime files, spool and backups.
      code: "services:\n  agent:\n    image: example/agent:1\n    volumes:\n      - /var:/host/var:ro\n      - /var/log:/host/log:ro\n      - /var/log/auth.log:/auth.log:ro\n      - /var/run/mysqld/mysqld.sock:/run/mysqld.sock\n      - /var/backups:/backups:ro\n      - /var/lib:/host/lib:ro\n",
      errors: [
        { messageId: "service", line: 5, column: 9, endLine: 5, endColumn: 13 },
        { messageId: "service", line: 6, column: 9, endLine: 6, endColumn: 17 },
        { messageId: "service", line: 7, column: 9, endLine: 7, endColumn: 26 },
        { messageId: "service", line: 8, column: 9, endLine: 8, endColumn: 36 },
        { messageId: "service", line: 9, column: 9, endLine: 9, endColumn: 21 },
        { messageId: "service", line: 10, column: 9, endLine: 10, endColumn: 17 },
      ],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  volumes: [\"/etc:/host-etc\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "service", line: 3, column: 14, endLine: 3, endColumn: 18, service: "w1" }],
    },
    {
      // A CA bundle with write access, a private key next to the bundles, and a look-alike directory.
      code: "services:\n  app:\n    image: example/app:1\n    volumes:\n      - /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt\n      - /etc/ssl/private/server.key:/etc/ssl/private/server.key:ro\n      - /etc/pki/ca-trust-legacy:/etc/pki/ca-trust-legacy:ro\n",
      errors: [
        { messageId: "service", line: 5, column: 9, endLine: 5, endColumn: 43 },
        { messageId: "service", line: 6, column: 9, endLine: 6, endColumn: 36 },
        { messageId: "service", line: 7, column: 9, endLine: 7, endColumn: 33 },
      ],
    },
    {
      // The home directory written as a variable, as Windows spells it too.
      code: "services:\n  deploy:\n    image: example/deploy:1\n    volumes:\n      - ${HOME}/.ssh:/root/.ssh:ro\n      - $HOME/.aws:/root/.aws\n      - ${USERPROFILE}/.docker:/root/.docker\n",
      errors: [
        { messageId: "service", line: 5, column: 9, endLine: 5, endColumn: 21, data: { service: "deploy", source: "${HOME}/.ssh", where: "the credential store ~/.ssh", mode: ", even if read-only" } },
        { messageId: "service", line: 6, column: 9, endLine: 6, endColumn: 19 },
        { messageId: "service", line: 7, column: 9, endLine: 7, endColumn: 31 },
      ],
    },
  ],
});
