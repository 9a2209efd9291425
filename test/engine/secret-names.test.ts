import { bestOfThree } from "../support/best-of-three.js";
import { isSecretName, mayNameSecret } from "../../src/engine/secrets.js";
import { imageDefaultsToNonRoot } from "../../src/engine/users.js";

/**
 * A linear pass over 1 MB takes a few milliseconds; the quadratic patterns these replaced took
 * seconds to minutes. The best of three runs under a budget far above the first and far below the
 * second, as test/redos.test.ts does: a single run under 50 ms failed on a busy machine (191 ms).
 */
const BUDGET_MS = 250;

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
      expect(bestOfThree(() => isSecretName(name), BUDGET_MS)).toBeLessThan(BUDGET_MS);
    }
  });
});

describe("imageDefaultsToNonRoot", () => {
  it.each(["gcr.io/distroless/static-debian12:nonroot", "gcr.io/distroless/base-nonroot-debian12", "bitnami/redis:7"])("%s runs as non-root", (ref) =>
    expect(imageDefaultsToNonRoot(ref)).toBe(true),
  );
  it.each(["gcr.io/distroless/static-debian12", "nonroot/distroless/x", "alpine:3.20"])("%s may run as root", (ref) => expect(imageDefaultsToNonRoot(ref)).toBe(false));

  it("stays linear on 1 MB references repeating `distroless/` (once quadratic: `distroless\\/.*nonroot`)", () => {
    expect(bestOfThree(() => imageDefaultsToNonRoot("distroless/".repeat(100_000)), BUDGET_MS)).toBeLessThan(BUDGET_MS);
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
