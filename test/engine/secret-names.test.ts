import { isSecretName } from "../../src/engine/secrets.js";

describe("isSecretName", () => {
  it.each(["POSTGRES_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD", "AWS_SECRET_ACCESS_KEY", "API_KEY", "GITLAB_SECRETS_SECRET_KEY_BASE", "JWT_SECRET", "DB_PASS", "MYSQL_PWD"])(
    "%s holds a secret",
    (name) => expect(isSecretName(name)).toBe(true),
  );

  it.each([
    "POSTGRES_USER", "DB_PASSWORD_FILE", "REGISTRY_AUTH_TOKEN_SERVICE", "REGISTRY_AUTH_TOKEN_ISSUER", "REGISTRY_AUTH_TOKEN_REALM",
    "REGISTRY_AUTH_TOKEN_ROOTCERTBUNDLE", "OAUTH2_GENERIC_CLIENT_TOKEN_URL", "MAILCOW_PASS_SCHEME", "JWT_SECRET_ALGORITHM", "TOKEN_ENDPOINT",
  ])("%s names no secret", (name) => expect(isSecretName(name)).toBe(false));
});
