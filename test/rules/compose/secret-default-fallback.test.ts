import rule from "../../../rules/compose/secret-default-fallback.js";
import { runCase, ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: example/app:1\n    environment:\n      USE_TOKEN: ${USE_TOKEN:-0}\n      GITHUB_TOKEN_SCOPES: ${GITHUB_TOKEN_SCOPES:-repo}\n      TOKEN_TTL_SECONDS: ${TOKEN_TTL_SECONDS:-300}\n",
    "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_USER: ${POSTGRES_USER:-admin}\n",
    "services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set it}\n      - REDIS_PASSWORD=${REDIS_PASSWORD:-}\n      - API_TOKEN=${API_TOKEN:-${OTHER_TOKEN}}\n",
    "services:\n  app:\n    image: example/app:1\n    command: echo $${DB_PASSWORD:-literal}\n    environment:\n      DB_PASSWORD_FILE: ${DB_PASSWORD_FILE:-/run/secrets/db}\n      API_KEY: ${API_KEY:-invalid}\n      PASS_SCHEME: ${PASS_SCHEME:-BLF-CRYPT}\n",
  ],
  invalid: [
    {
      code: "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-change_me}\n  api:\n    build: .\n    environment:\n      DATABASE_URL: postgresql+asyncpg://${POSTGRES_USER:-analytic}:${POSTGRES_PASSWORD:-change_me}@db:5432/app\n",
      errors: [
        { messageId: "weak", line: 5, column: 26, endLine: 5, endColumn: 57, service: "db" },
        { messageId: "weak", line: 9, column: 69, endLine: 9, endColumn: 100, service: "api" },
      ],
    },
    {
      code: "x-env: &env\n  JWT_SECRET: \"${JWT_SECRET-dev-jwt-secret-123}\"\nservices:\n  app:\n    image: example/app:1\n    environment:\n      <<: *env\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-u\", \"admin:${ADMIN_PASSWORD:-s3cr3t!x}\", \"http://localhost\"]\n    labels:\n      - \"traefik.auth=${BASIC_AUTH_TOKEN:-abc123xyz}\"\n",
      errors: [
        { messageId: "fallback", line: 2, column: 16, endLine: 2, endColumn: 48 },
        { messageId: "fallback", line: 9, column: 42, endLine: 9, endColumn: 69, service: "app" },
        { messageId: "fallback", line: 11, column: 23, endLine: 11, endColumn: 53, service: "app" },
      ],
    },
    {
      // No `$` in the text: the reference is spelled with a double-quoted escape, and still found.
      code: "services:\n  app:\n    image: example/app:1\n    environment:\n      API_KEY: \"\\x24{API_KEY:-abc123xyz}\"\n",
      errors: [{ messageId: "fallback", line: 5, column: 16, endLine: 5, endColumn: 42, service: "app" }],
    },
  ],
});

describe("secret-default-fallback masking", () => {
  it("masks the fallback in the message, and only there", () => {
    const [f] = runCase(rule, { code: "services:\n  db:\n    image: postgres:16\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-no-d3fault}\n" });
    expect(f.message).not.toContain("no-d3fault");
    expect(f.message).toContain("`no********`");
    expect(f.message).toContain("so a deployment that forgets to set it silently runs");
  });

  it("masks a well-known default too, and garbles no word that contains it", () => {
    const [f] = runCase(rule, { code: "services:\n  db:\n    image: postgres:16\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-password}\n" });
    expect(f.message).toContain("the well-known default `pa******`");
    expect(f.message).toContain("runs with a password anyone would guess");
  });
});
