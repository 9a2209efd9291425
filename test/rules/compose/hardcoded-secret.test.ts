import rule from "../../../rules/compose/hardcoded-secret.js";
import { runCase, ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_USER: postgres\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n",
    "services:\n  app:\n    image: example/app:1\n    environment:\n      - API_KEY\n      - API_TOKEN=<your-token>\n      - SECRET_KEY=${SECRET_KEY:-fallback}\n      - DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n      - REDIS_URL=redis://redis:6379/0\n      - AUTH_ENABLED=true\n",
    // switches and settings whose names hold a secret word
    "services:\n  mysql:\n    image: mysql:8.4\n    environment:\n      MYSQL_RANDOM_ROOT_PASSWORD: \"yes\"\n      ALLOW_EMPTY_PASSWORD: \"no\"\n      USE_TOKEN: \"1\"\n      PASSWORD_AUTH: \"on\"\n      REFRESH_TOKEN_EXPIRE_DAYS: 7\n      TOKEN_LIFETIME_SECONDS: 3600\n      PASSWORD_HASHERS: argon2\n      GITHUB_TOKEN_SCOPES: repo\n      SECRET_MANAGER: vault\n      PASSWORD_COMPLEXITY: high\n",
  ],
  invalid: [
    {
      // A token written into a config's inline `content`.
      code: "services:\n  app:\n    image: app:1\n    configs: [aws]\nconfigs:\n  aws:\n    content: |\n      [default]\n      aws_access_key_id = AKIAABCDEFGHIJKLMNOP\n  dsn:\n    content: \"url=postgres://app:Zx9vQ2mLp7@db/app\"\n  fine:\n    content: \"token=${TOKEN:?}\"\n",
      errors: [
        { messageId: "configContent", line: 9, column: 27, endLine: 9, endColumn: 47, data: { config: "aws", kind: "AWS access key id" } },
        { messageId: "configContent", line: 11, column: 34, endLine: 11, endColumn: 44, data: { config: "dsn", kind: "password in a URL" } },
      ],
    },
    {
      // A literal build argument: in the repository and in the image's history.
      code: "services:\n  web:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: npm_Zx9vQ2mLp7RtKq8\n        NODE_ENV: production\n  api:\n    build:\n      context: .\n      args:\n        - GITHUB_TOKEN=${GITHUB_TOKEN:?}\n        - PIP_PASSWORD=Kq8LmN3vR5tYw\n",
      errors: [
        { messageId: "buildArg", line: 6, column: 20, endLine: 6, endColumn: 39, data: { service: "web", name: "NPM_TOKEN" } },
        { messageId: "buildArg", line: 13, column: 24, endLine: 13, endColumn: 37, data: { service: "api", name: "PIP_PASSWORD" } },
      ],
    },
    {
      // A lifecycle hook's environment is written in the file too.
      code: "services:\n  db:\n    image: postgres:16\n    post_start:\n      - command: /seed.sh\n        environment:\n          SEED_PASSWORD: Zx9vQ2mLp7Rt\n    pre_stop:\n      - command: [\"/dump.sh\"]\n        environment:\n          - BACKUP_TOKEN=${BACKUP_TOKEN:?}\n          - S3_SECRET_KEY=Kq8LmN3vR5tYw\n",
      errors: [
        { messageId: "literal", line: 7, column: 26, endLine: 7, endColumn: 38, data: { service: "db", name: "SEED_PASSWORD" } },
        { messageId: "literal", line: 12, column: 27, endLine: 12, endColumn: 40, data: { service: "db", name: "S3_SECRET_KEY" } },
      ],
    },
    {
      // A password in the fallback of `${VAR:-…}` is used only when the variable is unset or empty.
      code: "services:\n  web:\n    image: app:1\n    environment:\n      DATABASE_URL: ${DB_URL:-postgres://app:postgres@db/app}\n      CACHE_URL: \"${CACHE_URL-redis://:Xy7pQ2mn@cache:6379} redis://:Kq8LmN3v@cache2:6379\"\n",
      errors: [
        { messageId: "fallbackUrl", line: 5, column: 46, endLine: 5, endColumn: 54, data: { service: "web", name: "DATABASE_URL", variable: "DB_URL", kind: "well-known default password" } },
        { messageId: "fallbackUrl", line: 6, column: 40, endLine: 6, endColumn: 48, data: { service: "web", name: "CACHE_URL", variable: "CACHE_URL", kind: "literal password" } },
        { messageId: "url", line: 6, column: 70, endLine: 6, endColumn: 78, data: { service: "web", name: "CACHE_URL", kind: "literal password" } },
      ],
    },
    {
      code: "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=admin\n      - \"SECRET_KEY=9f2c1e7a4b\"\n",
      errors: [
        { messageId: "weak", line: 5, column: 36, endLine: 5, endColumn: 41, service: "grafana" },
        { messageId: "literal", line: 6, column: 21, endLine: 6, endColumn: 31, service: "grafana" },
      ],
    },
    {
      code: "x-db: &db\n  POSTGRES_PASSWORD: postgres\nservices:\n  db:\n    image: postgres:16\n    environment: *db\n  api:\n    build: .\n    environment:\n      <<: *db\n      DATABASE_URL: \"postgres://app:Xy7pQ2mn@db:5432/app\"\n",
      errors: [
        { messageId: "weak", line: 2, column: 22, endLine: 2, endColumn: 30 },
        { messageId: "url", line: 11, column: 37, endLine: 11, endColumn: 45 },
      ],
    },
  ],
});

describe("hardcoded-secret masking", () => {
  it("never shows the literal in the message", () => {
    const found = runCase(rule, { code: "services:\n  app:\n    image: example/app:1\n    environment:\n      DB_PASSWORD: hunter2hunter2\n      URL: mysql://root:rootpw123@db/x\n" });
    expect(found).toHaveLength(2);
    for (const f of found) expect(f.message).not.toMatch(/hunter2hunter2|rootpw123/);
  });
});
