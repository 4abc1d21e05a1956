// What the deployment exposes and lets through, checked against the code (deploy/validate, docs/deployment.md):
//  - every public path a service serves (its JAX-RS resources, static resources, the links its pages make, Swagger UI)
//    is routed by the Ingress to that service, and nothing internal is (ops, audit and dead-letter APIs, /q/health,
//    /q/metrics);
//  - every call a service's configuration makes to another (an http URL naming a Service) is allowed by the
//    NetworkPolicies out of the caller and into the callee, and no other call between the services is;
//  - behind an Ingress, each service trusts X-Forwarded-* from its trusted proxies only, so the URLs it builds are https;
//  - identity providers over https, client secrets from Secrets only (manifests and application.properties' prod profile);
//  - Docker Compose has an identity provider the console signs in with, reachable from the browser and the containers.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";

// Served by the service but for inside the cluster only: ops (outbox, dead letters and their replays), the audit trail,
// health and metrics. Under /q only Swagger UI and the OpenAPI document are public.
export const INTERNAL_PREFIXES = ["/api/v1/ops", "/api/v1/audit", "/q/health", "/q/metrics"];
const PUBLIC_Q = ["/q/swagger-ui", "/q/openapi"];

/** A container's environment as the pod gets it: the ConfigMaps of envFrom, then env (which wins). */
export function effectiveEnv(docs, container) {
  const env = new Map();
  for (const from of container.envFrom ?? []) {
    const cm = docs.find((d) => d.kind === "ConfigMap" && d.metadata?.name === from.configMapRef?.name);
    for (const [k, v] of Object.entries(cm?.data ?? {})) env.set(k, { value: v, from: `ConfigMap/${cm.metadata.name}` });
  }
  for (const e of container.env ?? []) {
    env.set(e.name, { value: e.value, secretKeyRef: e.valueFrom?.secretKeyRef, from: "env" });
  }
  return env;
}

// --- the paths the code serves ---

function files(dir, suffix) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...files(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

const joinPath = (a, b) => `/${[a, b].join("/").split("/").filter(Boolean).join("/")}`;

/** The part of a path before its first template parameter, without a trailing slash: /api/v1/referrals/{id} -> /api/v1/referrals. */
const fixedPart = (path) => path.split("{")[0].replace(/\/+$/, "") || "/";

/** The JAX-RS paths of a Java source: the class's @Path joined with each method's (or the class's alone). */
function resourcePaths(source) {
  const classAt = source.search(/\b(class|interface)\s+\w+/);
  if (classAt < 0) return [];
  const paths = [...source.matchAll(/@Path\(\s*"((?:[^"\\]|\\.)*)"\s*\)/g)];
  const classPath = paths.find((m) => m.index < classAt);
  if (!classPath) return [];
  const methods = paths.filter((m) => m.index > classAt).map((m) => joinPath(classPath[1], m[1]));
  return methods.length ? methods : [joinPath(classPath[1], "")];
}

/**
 * Every path a service serves to browsers and clients, with where the code says so: its JAX-RS resources (and
 * service-support's, which every service includes), its static resources (META-INF/resources), the absolute links,
 * scripts and forms of its templates, and Swagger UI with its document where the service always includes them.
 */
export function servedPaths(root, service) {
  const served = [];
  for (const module of [service, "service-support"]) {
    for (const file of files(join(root, module, "src/main/java"), ".java")) {
      for (const p of resourcePaths(readFileSync(file, "utf8"))) served.push({ path: fixedPart(p), from: file.slice(root.length + 1) });
    }
  }
  const statics = join(root, service, "src/main/resources/META-INF/resources");
  for (const file of files(statics, "")) served.push({ path: file.slice(statics.length), from: "META-INF/resources" });
  for (const file of files(join(root, service, "src/main/resources/templates"), ".html")) {
    for (const m of readFileSync(file, "utf8").matchAll(/\b(?:href|src|action)="(\/[^/"][^"]*)"/g)) {
      served.push({ path: fixedPart(m[1].split("?")[0]), from: file.slice(root.length + 1) });
    }
  }
  const props = readFileSync(join(root, service, "src/main/resources/application.properties"), "utf8");
  if (/^quarkus\.swagger-ui\.always-include\s*=\s*true/m.test(props)) {
    for (const q of PUBLIC_Q) served.push({ path: q, from: "quarkus.swagger-ui.always-include" });
  }
  return served;
}

const isInternal = (path) => INTERNAL_PREFIXES.some((i) => path === i || path.startsWith(`${i}/`))
  || ((path === "/q" || path.startsWith("/q/")) && !PUBLIC_Q.some((q) => path === q || path.startsWith(`${q}/`)));

/** Whether an Ingress path routes a request for {@code path}. */
function routes(ingressPath, pathType, path) {
  const p = ingressPath.replace(/\/+$/, "") || "/";
  if (pathType === "Exact") return path === ingressPath;
  return p === "/" || path === p || path.startsWith(`${p}/`);
}

/** Whether an Ingress path reaches anything internal: it routes an internal prefix, or lies inside one. */
function exposesInternal(ingressPath, pathType) {
  if (isInternal(ingressPath.replace(/\/+$/, "") || "/")) return true;
  return [...INTERNAL_PREFIXES, "/q"].some((i) => routes(ingressPath, pathType, i));
}

/** The Ingress paths of one rendering, by the Service they lead to. */
function ingressRoutes(docs) {
  const byService = new Map();
  for (const ing of docs.filter((d) => d.kind === "Ingress")) {
    for (const rule of ing.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const service = p.backend?.service?.name;
        if (!service) continue;
        if (!byService.has(service)) byService.set(service, []);
        byService.get(service).push({ ingress: ing.metadata?.name, host: rule.host, path: p.path ?? "/", pathType: p.pathType });
      }
    }
  }
  return byService;
}

/**
 * Each service an Ingress leads to: every public path its code serves is routed (else its console, assets or an API
 * answers 404 from outside), and no Ingress path reaches an internal one.
 */
export function ingressErrors(docs, label, root, services) {
  const errors = [];
  for (const [service, paths] of ingressRoutes(docs)) {
    for (const r of paths) {
      if (exposesInternal(r.path, r.pathType)) {
        errors.push(`${label}: Ingress/${r.ingress}: ${r.host ?? "*"} ${r.path} (${r.pathType}) reaches ${service}'s internal paths (${[...INTERNAL_PREFIXES, "/q"].filter((i) => routes(r.path, r.pathType, i) || r.path.startsWith(i)).join(", ") || r.path}): ops, audit and dead-letter APIs and /q stay off the public ingress`);
      }
    }
    if (!services.includes(service)) continue;
    const missing = new Map();
    for (const s of servedPaths(root, service)) {
      if (isInternal(s.path) || paths.some((r) => routes(r.path, r.pathType, s.path))) continue;
      if (!missing.has(s.path)) missing.set(s.path, s.from);
    }
    for (const [path, from] of missing) {
      errors.push(`${label}: ${service} serves ${path} (${from}) but no Ingress routes it`);
    }
  }
  return errors;
}

// --- calls between the services, and the NetworkPolicies ---

function selects(selector, labels) {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/** A pod of a Deployment as NetworkPolicies see it. */
function podOf(docs, deployment) {
  const namespace = deployment.metadata?.namespace ?? "default";
  const ns = docs.find((d) => d.kind === "Namespace" && d.metadata?.name === namespace);
  return {
    name: deployment.metadata.name,
    labels: deployment.spec?.template?.metadata?.labels ?? {},
    namespace,
    namespaceLabels: { "kubernetes.io/metadata.name": namespace, ...(ns?.metadata?.labels ?? {}) },
    ports: (deployment.spec?.template?.spec?.containers ?? []).flatMap((c) => c.ports ?? []),
  };
}

const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

function peerMatches(peer, pod, policyNamespace) {
  if (peer.ipBlock) {
    // pods have private addresses: a block reaches them unless it is public only
    const cidr = peer.ipBlock.cidr;
    const coversPrivate = cidr === "0.0.0.0/0" || PRIVATE.some((p) => cidr.split(".")[0] === p.split(".")[0]);
    return coversPrivate && !PRIVATE.every((p) => (peer.ipBlock.except ?? []).includes(p));
  }
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, pod.namespaceLabels) : pod.namespace === policyNamespace;
  return nsOk && selects(peer.podSelector, pod.labels);
}

function portMatches(rulePorts, port, to) {
  if (!rulePorts?.length) return true;
  return rulePorts.some((p) => (p.protocol ?? "TCP") === "TCP" && (p.port === undefined
    || p.port === port.containerPort || (typeof p.port === "string" && p.port === port.name)
    || (p.endPort !== undefined && port.containerPort >= p.port && port.containerPort <= p.endPort)));
}

/** Whether the NetworkPolicies let {@code from} open a connection to {@code to} on {@code port}, and if not which side stops it. */
function allowed(docs, from, to, port) {
  const policies = docs.filter((d) => d.kind === "NetworkPolicy");
  const applies = (pod, type) => policies.filter((p) => (p.metadata?.namespace ?? "default") === pod.namespace
    && selects(p.spec?.podSelector, pod.labels) && (p.spec?.policyTypes ?? ["Ingress"]).includes(type));
  const egress = applies(from, "Egress");
  const out = egress.length === 0 || egress.some((p) => (p.spec.egress ?? []).some((r) =>
    (!r.to?.length || r.to.some((peer) => peerMatches(peer, to, p.metadata?.namespace ?? "default"))) && portMatches(r.ports, port)));
  const ingress = applies(to, "Ingress");
  const into = ingress.length === 0 || ingress.some((p) => (p.spec.ingress ?? []).some((r) =>
    (!r.from?.length || r.from.some((peer) => peerMatches(peer, from, p.metadata?.namespace ?? "default"))) && portMatches(r.ports, port)));
  return { out, into };
}

/** The Deployment pods a Service's port leads to, with the container port. */
function serviceTargets(docs, service, portNumber) {
  const sp = (service.spec?.ports ?? []).find((p) => p.port === portNumber);
  if (!sp) return { error: `Service/${service.metadata.name} has no port ${portNumber}` };
  const targets = [];
  for (const d of docs.filter((x) => x.kind === "Deployment" && selects({ matchLabels: service.spec?.selector ?? {} }, x.spec?.template?.metadata?.labels ?? {}))) {
    const pod = podOf(docs, d);
    const target = sp.targetPort ?? sp.port;
    const port = pod.ports.find((p) => p.containerPort === target || p.name === target);
    if (port) targets.push({ pod, port });
  }
  return { targets };
}

/** The calls a Deployment's configuration makes to Services of the same rendering: env values that are http(s) URLs naming one. */
function callsOf(docs, deployment) {
  const calls = [];
  const services = docs.filter((d) => d.kind === "Service");
  for (const c of deployment.spec?.template?.spec?.containers ?? []) {
    for (const [key, { value }] of effectiveEnv(docs, c)) {
      const m = String(value ?? "").match(/^(https?):\/\/([^/:?#]+)(?::(\d+))?/);
      if (!m) continue;
      const [name, ns] = m[2].split(".");
      const service = services.find((s) => s.metadata?.name === name
        && (ns === undefined || ns === (s.metadata?.namespace ?? "default")));
      if (!service) continue;
      calls.push({ key, url: value, service, port: Number(m[3] ?? (m[1] === "https" ? 443 : 80)) });
    }
  }
  return calls;
}

/**
 * Every call a service's configuration makes to another is allowed out of the caller and into the callee; and among the
 * Deployments of one rendering, no pod may open another's ports where no configuration calls it.
 */
export function networkPolicyErrors(docs, label) {
  if (!docs.some((d) => d.kind === "NetworkPolicy")) return [];
  const errors = [];
  const deployments = docs.filter((d) => d.kind === "Deployment");
  const called = new Set();
  for (const d of deployments) {
    const from = podOf(docs, d);
    for (const call of callsOf(docs, d)) {
      const { targets, error } = serviceTargets(docs, call.service, call.port);
      if (error) {
        errors.push(`${label}: Deployment/${d.metadata.name} calls ${call.url} (${call.key}), but ${error}`);
        continue;
      }
      for (const { pod, port } of targets) {
        called.add(`${from.name}->${pod.name}:${port.containerPort}`);
        const { out, into } = allowed(docs, from, pod, port);
        if (!out || !into) {
          errors.push(`${label}: Deployment/${d.metadata.name} calls ${call.url} (${call.key}), port ${port.containerPort} of ${pod.name}'s pods, but the NetworkPolicies block it: ${!out ? `no egress rule of ${from.name}'s pods allows it` : ""}${!out && !into ? "; " : ""}${!into ? `no ingress rule of ${pod.name}'s pods allows it` : ""}`);
        }
      }
    }
  }
  for (const d of deployments) {
    const from = podOf(docs, d);
    for (const other of deployments.filter((o) => o !== d)) {
      const to = podOf(docs, other);
      for (const port of to.ports) {
        if (called.has(`${from.name}->${to.name}:${port.containerPort}`)) continue;
        const { out, into } = allowed(docs, from, to, port);
        if (out && into) errors.push(`${label}: the NetworkPolicies let ${from.name}'s pods reach ${to.name}'s port ${port.containerPort}, a call no code makes`);
      }
    }
  }
  return errors;
}

// --- behind the ingress: proxy forwarding ---

/**
 * Each Deployment an Ingress leads to takes the scheme and host from X-Forwarded-* (so the console's OIDC redirect_uri and
 * every URL the service builds are https), and believes them only from named trusted proxies.
 */
export function proxyForwardingErrors(docs, label) {
  const errors = [];
  const behind = new Set(ingressRoutes(docs).keys());
  for (const svc of docs.filter((d) => d.kind === "Service" && behind.has(d.metadata?.name))) {
    for (const d of docs.filter((x) => x.kind === "Deployment" && selects({ matchLabels: svc.spec?.selector ?? {} }, x.spec?.template?.metadata?.labels ?? {}))) {
      for (const c of d.spec.template.spec.containers) {
        const env = effectiveEnv(docs, c);
        const get = (k) => String(env.get(k)?.value ?? "");
        const name = `${label}: Deployment/${d.metadata.name}: behind Ingress`;
        if (get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING") !== "true") {
          errors.push(`${name} without proxy forwarding (QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING): its OIDC redirects and URLs would be http://`);
        } else if (get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED") !== "true" && get("QUARKUS_HTTP_PROXY_ALLOW_FORWARDED") !== "true") {
          errors.push(`${name} without proxy forwarding of the headers nginx sends (QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED): its OIDC redirects and URLs would be http://`);
        }
        const trusted = get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").split(",").map((s) => s.trim()).filter(Boolean);
        if (get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING") === "true" && (!trusted.length || trusted.some((t) => ["0.0.0.0/0", "::/0"].includes(t)))) {
          errors.push(`${name} believes X-Forwarded-* from anyone: set QUARKUS_HTTP_PROXY_TRUSTED_PROXIES to the ingress controller's addresses`);
        }
      }
    }
  }
  return errors;
}

// --- identity providers and client secrets ---

const PROVIDER_URL = /^(QUARKUS_OIDC_(\w+_)?AUTH_SERVER_URL|MP_JWT_VERIFY_PUBLICKEY_LOCATION|MP_JWT_VERIFY_ISSUER|FRONTDOOR_OPENAPI_OPENID_CONNECT_URL)$/;
const CLIENT_SECRET = /^QUARKUS_OIDC_(\w+_)?CREDENTIALS_(SECRET|CLIENT_SECRET_VALUE)$/;

/**
 * In the manifests: identity providers over https only; an OIDC client secret (or any secret) never in a ConfigMap or
 * plain env; the console's cookies never switched off Secure; no service's clock moved (frontdoor.clock.offset).
 */
export function identityProviderErrors(docs, label) {
  const errors = [];
  const check = (where, key, value, fromSecret) => {
    if (key === "FRONTDOOR_CLOCK_OFFSET" || key === "frontdoor.clock.offset" || /^\s*frontdoor\.clock\.offset\s*[=:]/m.test(String(value ?? ""))) {
      errors.push(`${where}: FRONTDOOR_CLOCK_OFFSET (frontdoor.clock.offset) in a cluster: it moves the service's clock, for end-to-end tests and drills only, never a deployment`);
    }
    if (key === "FRONTDOOR_TRIAGE_CONSOLE_HTTPS" && String(value).trim().toLowerCase() === "false") {
      errors.push(`${where}: FRONTDOOR_TRIAGE_CONSOLE_HTTPS=false in a cluster: the console's session cookies would lose Secure behind the TLS ingress (only a laptop's plain-http run sets it)`);
    }
    if (PROVIDER_URL.test(key) && /^http:\/\//i.test(String(value ?? ""))) {
      errors.push(`${where}: ${key} is an http identity provider URL (${value}): tokens and the client secret would cross the network in clear`);
    }
    if (CLIENT_SECRET.test(key) && !fromSecret && value !== undefined) {
      errors.push(`${where}: ${key} is an OIDC client secret written in a manifest: it comes from a Secret (secretKeyRef)`);
    } else if (/PASSWORD|SECRET|JAAS/.test(key) && !fromSecret && value !== undefined && where.includes("ConfigMap")) {
      errors.push(`${where}: ${key} must come from a Secret, not a ConfigMap`);
    }
  };
  for (const d of docs) {
    if (d.kind === "ConfigMap") for (const [k, v] of Object.entries(d.data ?? {})) check(`${label}: ConfigMap/${d.metadata?.name}`, k, v, false);
    if (d.kind === "Deployment") {
      for (const c of d.spec?.template?.spec?.containers ?? []) {
        for (const e of c.env ?? []) check(`${label}: Deployment/${d.metadata?.name}`, e.name, e.value, Boolean(e.valueFrom?.secretKeyRef));
      }
    }
  }
  return errors;
}

/**
 * In application.properties: no OIDC client secret and no http identity provider in the profile a packaged service
 * runs (no profile, or %prod); dev mode's and the tests' own belong under %dev and %test.
 */
export function propertiesProdErrors(text, where) {
  const errors = [];
  for (const line of text.split("\n")) {
    const m = line.match(/^\s*(?:%([^.]+)\.)?([^#!\s%][^=]*?)\s*=\s*(.*)$/);
    if (!m) continue;
    const [, profile, key, value] = m;
    if (profile && !profile.split(",").includes("prod")) continue;
    if (/^quarkus\.oidc\.(?:[^.]+\.)?credentials\.(?:secret|client-secret\.value)$/.test(key) && value.trim()) {
      errors.push(`${where}: ${key} holds an OIDC client secret in the prod profile: it comes from the environment (a Secret) only`);
    }
    if (/^quarkus\.oidc\.(?:[^.]+\.)?auth-server-url$/.test(key) && /^http:\/\//i.test(value.trim())) {
      errors.push(`${where}: ${key}=${value.trim()} is an http identity provider URL in the prod profile: the provider comes from the environment, over https`);
    }
  }
  return errors;
}

// --- Docker Compose: the console's identity provider ---

const PROVIDER_IMAGE = /(^|\/)(mock-oauth2-server|keycloak)(:|@|$)/;

/** The port a provider's container listens on: mock-oauth2-server's SERVER_PORT (or PORT), else 8080 (Keycloak's too). */
const listensOn = (s) => Number(s.environment?.SERVER_PORT ?? s.environment?.PORT ?? 8080);

/**
 * Compose runs an identity provider; the console signs in with it at an address both the browser (a *.localhost name,
 * published on the same port) and the containers (a network alias of the provider) reach; the console has a client
 * secret and plain-http cookies; every service trusts the provider's tokens (its issuer), and starts after it.
 */
export function composeIdentityErrors(compose) {
  const services = compose.services ?? {};
  const providers = Object.entries(services).filter(([, s]) => PROVIDER_IMAGE.test(String(s.image ?? "")));
  if (!providers.length) return ["compose: no identity provider for the console (an image of mock-oauth2-server or Keycloak): the console cannot sign in"];
  const errors = [];
  const triage = services["triage-service"]?.environment ?? {};
  const url = String(triage.QUARKUS_OIDC_CONSOLE_AUTH_SERVER_URL ?? "");
  const m = url.match(/^https?:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/);
  if (!m) return [`compose: triage-service has no QUARKUS_OIDC_CONSOLE_AUTH_SERVER_URL naming the identity provider (${url || "not set"})`];
  const [, host, portText] = m;
  const port = Number(portText ?? (url.startsWith("https") ? 443 : 80));
  const provider = providers.find(([name, s]) => name === host || Object.values(s.networks ?? {}).some((n) => (n?.aliases ?? []).includes(host)));
  if (!provider) {
    errors.push(`compose: the console's identity provider ${url} is no provider service's name or network alias`);
  } else {
    const [name, s] = provider;
    const published = (s.ports ?? []).some((p) => String(p).split(":").slice(-2).join(":") === `${port}:${listensOn(s)}`);
    if (listensOn(s) !== port) errors.push(`compose: ${url}: the provider ${name} listens on ${listensOn(s)}, not ${port}`);
    if (!(host === "localhost" || host.endsWith(".localhost")) || !published) {
      errors.push(`compose: the console's identity provider ${url} is not reachable both from the browser and from the triage container: name it by a *.localhost network alias and publish port ${port} as ${port}`);
    }
    for (const [svcName, svc] of Object.entries(services).filter(([k]) => k.endsWith("-service"))) {
      if (!Object.keys(svc.depends_on ?? {}).includes(name) && !(Array.isArray(svc.depends_on) && svc.depends_on.includes(name))) {
        errors.push(`compose: ${svcName} does not depend on the identity provider ${name}`);
      }
      const issuer = svc.environment?.MP_JWT_VERIFY_ISSUER;
      if (issuer !== url.replace(/\/+$/, "")) errors.push(`compose: ${svcName} trusts issuer ${issuer ?? "(none)"}, not the console's provider ${url}: the console's tokens would be refused`);
    }
  }
  if (!triage.QUARKUS_OIDC_CONSOLE_CREDENTIALS_SECRET) errors.push("compose: triage-service has no QUARKUS_OIDC_CONSOLE_CREDENTIALS_SECRET: the console does not start without its client secret");
  if (String(triage.FRONTDOOR_TRIAGE_CONSOLE_HTTPS) !== "false") errors.push("compose: the console is served over plain http but FRONTDOOR_TRIAGE_CONSOLE_HTTPS is not false: the browser would not send its Secure session cookie back");
  return errors;
}
