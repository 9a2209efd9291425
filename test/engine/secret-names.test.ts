import { performance } from "node:perf_hooks";
import { isSecretName, mayNameSecret } from "../../src/engine/secrets.js";
import { imageDefaultsToNonRoot } from "../../src/engine/users.js";

describe("isSecretName", () => {
  it.each(["POSTGRES_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD", "AWS_SECRET_ACCESS_KEY", "API_KEY", "GITLAB_SECRETS_SECRET_KEY_BASE", "JWT_SECRET", "DB_PASS", "MYSQL_PWD"])(
    "%s holds a secret",
    (name) => expect(isSecretName(name)).toBe(true),
  );

  it.each([
    "POSTGRES_USER", "DB_PASSWORD_FILE", "REGISTRY_AUTH_TOKEN_SERVICE", "REGISTRY_AUTH_TOKEN_ISSUER", "REGISTRY_AUTH_TOKEN_REALM",
    "REGISTRY_AUTH_TOKEN_ROOTCERTBUNDLE", "OAUTH2_GENERIC_CLIENT_TOKEN_URL", "MAILCOW_PASS_SCHEME", "JWT_SECRET_ALGORITHM", "TOKEN_ENDPOINT",
    "PASSWORD_MIN_LENGTH", "TOKEN_MAX_AGE_SECONDS", "PASSWORD_HASH_ALGORITHM", "PASSWORD_HASHALGO",
  ])("%s names no secret", (name) => expect(isSecretName(name)).toBe(false));

  it.each(["DB_MIN.PASSWORD", "PASSWORD_MIN-X", "API_KEY"])("%s: a _MIN word before the last separator does not excuse it", (name) => expect(isSecretName(name)).toBe(true));

  it("stays linear on 1 MB names made of `_MIN` words (once quadratic: `_MIN\\w*$` from every `_MIN`)", () => {
    for (const name of [`PASSWORD${"_MIN".repeat(250_000)}!`, `PASSWORD${"_HASHALGO".repeat(120_000)}.`, `${"password_".repeat(120_000)}x`]) {
      const start = performance.now();
      isSecretName(name);
      expect(performance.now() - start).toBeLessThan(50);
    }
  });
});

describe("imageDefaultsToNonRoot", () => {
  it.each(["gcr.io/distroless/static-debian12:nonroot", "gcr.io/distroless/base-nonroot-debian12", "bitnami/redis:7"])("%s runs as non-root", (ref) =>
    expect(imageDefaultsToNonRoot(ref)).toBe(true),
  );
  it.each(["gcr.io/distroless/static-debian12", "nonroot/distroless/x", "alpine:3.20"])("%s may run as root", (ref) => expect(imageDefaultsToNonRoot(ref)).toBe(false));

  it("stays linear on 1 MB references repeating `distroless/` (once quadratic: `distroless\\/.*nonroot`)", () => {
    const start = performance.now();
    imageDefaultsToNonRoot("distroless/".repeat(100_000));
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe("mayNameSecret", () => {
  it("is true whenever a name inside the text could be a secret name", () => {
    for (const name of ["POSTGRES_PASSWORD", "DB_PASS", "MYSQL_PWD", "JWT_SECRET", "API_KEY", "GITHUB_TOKEN", "AWS_CREDENTIALS", "x_auth_key"]) {
      expect(isSecretName(name)).toBe(true);
      expect(mayNameSecret(`postgres://u:\${${name}:-x}@db`)).toBe(true);
    }
    expect(mayNameSecret("${PORT:-8080}:80")).toBe(false);
  });
});
