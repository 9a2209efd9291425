import type { ComposeService, PortMapping } from "./parse/compose.js";
import { interpolate } from "./parse/interpolation.js";
import { MAX_PORT_TEXT } from "./ports.js";
import { memo } from "./memo.js";

/** Container ports of databases, caches, brokers and search engines. */
export const DATASTORE_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, "PostgreSQL"], [3306, "MySQL/MariaDB"], [1433, "SQL Server"], [1521, "Oracle"], [6379, "Redis"],
  [27017, "MongoDB"], [9200, "Elasticsearch"], [9300, "Elasticsearch transport"], [5672, "RabbitMQ"],
  [15672, "RabbitMQ management"], [11211, "Memcached"], [9092, "Kafka"], [2181, "ZooKeeper"], [8086, "InfluxDB"],
  [9042, "Cassandra"], [5984, "CouchDB"], [7687, "Neo4j Bolt"], [8123, "ClickHouse HTTP"], [2379, "etcd"],
  [26257, "CockroachDB"], [4222, "NATS"], [6650, "Pulsar"], [8529, "ArangoDB"], [7474, "Neo4j HTTP"],
]);

/**
 * Repository names of datastore images, Bitnami's included (`postgresql`, `redis-cluster`, …). A
 * name that only ends in one (`etl-kafka`, `zulip-postgresql`) may as well be a client of it.
 */
const DATASTORE_IMAGES =
  /(^|\/)(postgres|postgresql|postgis|timescaledb|mysql|mariadb|mariadb-galera|percona|mssql|mongo|mongodb|mongodb-sharded|redis|redis-cluster|redis-stack|valkey|valkey-cluster|keydb|memcached|elasticsearch|opensearch|rabbitmq|kafka|cp-kafka|zookeeper|cp-zookeeper|influxdb|cassandra|scylla|couchdb|couchbase|neo4j|clickhouse-server|clickhouse|etcd|cockroach|nats|pulsar|arangodb|dragonfly)(:|@|$)/i;

/** The datastore an image runs, judged by its repository name, or null. */
export function datastoreImage(image: string | null): string | null {
  if (!image) return null;
  const m = DATASTORE_IMAGES.exec(interpolate(image));
  return m ? m[2].toLowerCase() : null;
}

/** The datastore a container port belongs to, or null. */
export function datastorePort(port: string): string | null {
  if (port.length > MAX_PORT_TEXT) return null;
  const n = Number(interpolate(port).split("-")[0]);
  return DATASTORE_PORTS.get(n) ?? null;
}

export const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** The datastore behind a service's container port (by port number, else by image), or null. */
export function datastoreBehindPort(image: string | null, target: string): string | null {
  return datastorePort(target) ?? datastoreImage(image);
}

/** datastoreImage of the service's `image:`, worked out once per service of a model (several rules ask). */
export function serviceDatastore(service: ComposeService): string | null {
  return memo(byService, service, () => datastoreImage(service.image));
}

const byService = new WeakMap<ComposeService, string | null>();

/** datastoreBehindPort of one of the service's port mappings, worked out once per mapping. */
export function portDatastore(service: ComposeService, port: PortMapping): string | null {
  return memo(byPort, port, () => datastorePort(port.target) ?? serviceDatastore(service));
}

const byPort = new WeakMap<PortMapping, string | null>();

const DATASTORE_ADMIN_IMAGES =
  /(^|\/)(pgadmin4?|adminer|phpmyadmin|mongo-express|redis-commander|redisinsight|kafka-ui|kafdrop|akhq|cerebro|elasticvue|dejavu|kibana|opensearch-dashboards|cloudbeaver|sqlpad)(:|@|$)/i;

/** True for a web UI whose whole job is to reach a datastore (pgAdmin, Adminer, mongo-express, kafka-ui, …). */
export function isDatastoreAdminImage(image: string | null): boolean {
  return !!image && DATASTORE_ADMIN_IMAGES.test(interpolate(image));
}
