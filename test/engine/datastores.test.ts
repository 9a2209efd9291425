import { datastoreImage } from "../../src/engine/datastores.js";

describe("datastoreImage", () => {
  it.each([
    ["postgres:16", "postgres"],
    ["bitnami/postgresql:16", "postgresql"],
    ["bitnamilegacy/redis-cluster:7.2", "redis-cluster"],
    ["ghcr.io/acme/mongodb@sha256:abc", "mongodb"],
  ])("%s runs the datastore %s", (image, store) => {
    expect(datastoreImage(image)).toBe(store);
  });

  it.each(["rediscommander/redis-commander:latest", "mongo-express:1", "prometheuscommunity/postgres-exporter:v0.15.0", "dpage/pgadmin4:8", "nginx:1.27", "acme/postgres-backup:1", "etl-kafka", "acme/app:1.0-redis"])(
    "%s is no datastore",
    (image) => {
      expect(datastoreImage(image)).toBeNull();
    },
  );
});
