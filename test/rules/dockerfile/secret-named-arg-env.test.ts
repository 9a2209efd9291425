import rule from "../../../rules/dockerfile/secret-named-arg-env.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Rails 7.1+: a flag asking for a throwaway secret_key_base, not a credential
    "FROM ruby:3.3-slim\nENV RAILS_ENV=production SECRET_KEY_BASE_DUMMY=1\nRUN ./bin/rails assets:precompile\n",
    "FROM alpine:3.20\nARG VERSION=1\nENV PASSWORD_FILE=/run/secrets/db TOKENIZERS_PARALLELISM=false\n",
    "FROM alpine:3.20\nENV DB_PASSWORD=\n",
    "FROM alpine:3.20\nENV DB_PASSWORD=/run/secrets/db_password GOOGLE_APPLICATION_CREDENTIALS=/run/app/key.json\n",
    "FROM alpine:3.20\nARG DB_USER GPG_KEY=ABC\n",
  ],
  invalid: [
    {
      code: "FROM node:20\nARG NPM_TOKEN\nENV API_KEY=$API_KEY\n",
      errors: [
        { messageId: "arg", line: 2, column: 5, endLine: 2, endColumn: 14 },
        { messageId: "env", line: 3, column: 5, endLine: 3, endColumn: 12 },
      ],
    },
    {
      code: "ARG GITHUB_TOKEN\nFROM alpine:3.20\nENV DB_PASSWORD secret123\n",
      errors: [
        { messageId: "arg", line: 1, column: 5, endLine: 1, endColumn: 17 },
        { messageId: "env", line: 3, column: 5, endLine: 3, endColumn: 16 },
      ],
    },
  ],
});
