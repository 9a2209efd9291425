import rule from "../../../rules/dockerfile/secret-literal-value.js";
import { runCase, ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM mariadb:11.3\nENV MARIADB_RANDOM_ROOT_PASSWORD=yes MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=no TOKEN_EXPIRY_SECONDS=3600 PASSWORD_HASHERS=argon2 TOKEN_TTL=0\n",
    "FROM ruby:3.3\nRUN SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile\n",
    "FROM alpine:3.20\nENV DB_PASSWORD=${DB_PASSWORD} API_TOKEN= PASSWORD_FILE=/run/secrets/pw\n",
    "FROM alpine:3.20\nARG NPM_TOKEN\nENV TOKEN_TTL=3600 SECRET_KEY=<your-secret-key>\n",
    "FROM alpine:3.20\nRUN docker login --password-stdin -u me registry && mysql -p db\n",
    "FROM alpine:3.20\nRUN git clone https://${GH_USER}:${GH_TOKEN}@github.com/o/r.git\n",
    "FROM alpine:3.20\nRUN curl -u \"$USER:$PASS\" https://x\n",
    "FROM ruby:3.3\nRUN SECRET_KEY_BASE=precompile_placeholder rails assets:precompile && PAPERLESS_SECRET_KEY=build-time-dummy ./manage.py x\n",
    "FROM alpine:3.20\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/app/key.json\n",
  ],
  invalid: [
    {
      code: "FROM postgres:16\nENV POSTGRES_PASSWORD=postgres API_KEY=\"f8a7d6e5c4b3a291\"\n",
      errors: [
        { messageId: "weak", line: 2, column: 23, endLine: 2, endColumn: 31 },
        { messageId: "named", line: 2, column: 40, endLine: 2, endColumn: 58 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN mysql -uroot -pS3cr3tPw db && curl -u admin:hunter22 https://x && app --api-key=abcd1234efgh\n",
      errors: [
        { messageId: "option", line: 2, column: 18, endLine: 2, endColumn: 28 },
        { messageId: "option", line: 2, column: 43, endLine: 2, endColumn: 57 },
        { messageId: "option", line: 2, column: 75, endLine: 2, endColumn: 97 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN git clone https://bot:Zx9pQ2rT@git.example.com/r.git\nLABEL deploy.key=\"AKIAIOSFODNN7EXAMPLE\"\nCMD [\"run\", \"--token\", \"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"]\n",
      errors: [
        { messageId: "known", line: 2, column: 15, endLine: 2, endColumn: 57 },
        { messageId: "known", line: 3, column: 18, endLine: 3, endColumn: 40 },
        { messageId: "known", line: 4, column: 5, endLine: 4, endColumn: 67 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN DB_PASSWORD=hunter22 ./migrate\n",
      errors: [
        { messageId: "named", line: 2, column: 26, endLine: 2, endColumn: 35 },
      ],
    },
  ],
});

describe("secret-literal-value masking", () => {
  it("never shows the secret in a message", () => {
    const found = runCase(rule, { code: "FROM alpine:3.20\nENV DB_PASSWORD=hunter22\nRUN curl https://u:pa55word@x.io\n" });
    expect(found).toHaveLength(2);
    for (const f of found) expect(f.message).not.toMatch(/hunter22|pa55word/);
  });
});
