// Offline schema validation of rendered Kubernetes manifests (what kubeconform -strict does, with the
// schemas that npm packages ship, since no other registry is reachable here):
//   * built-in kinds: the OpenAPI schemas compiled into the npm package `kubernetes-models`
//     (types, required fields, enums, formats), plus a strict pass that rejects every field the API
//     does not define, read from the same package's type declarations;
//   * ServiceMonitor, PodMonitor, PrometheusRule: `@kubernetes-models/prometheus-operator`, the same way;
//   * Strimzi Kafka, KafkaNodePool, KafkaTopic: strimzi-v1-subset.schema.json beside this file (ajv).
// A kind none of these knows is an error, so nothing passes unchecked.
//
//   node validate-manifests.mjs <manifests.json> [...]     (each file: a JSON array of resources)
//
// The npm packages kubernetes-models, @kubernetes-models/prometheus-operator and ajv are read from
// $K8S_MODELS_DIR (default ./node_modules); deploy/validate-deploy installs them into a cache directory.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const modulesDir = resolve(process.env.K8S_MODELS_DIR ?? "node_modules");
const require = createRequire(join(modulesDir, "noop.js"));
const Ajv = require("ajv");

function modelFile(apiVersion, kind) {
  if (apiVersion === "v1") return join(modulesDir, "kubernetes-models", "v1", `${kind}.js`);
  if (apiVersion.startsWith("monitoring.coreos.com/")) {
    return join(modulesDir, "@kubernetes-models", "prometheus-operator", apiVersion, `${kind}.js`);
  }
  return join(modulesDir, "kubernetes-models", apiVersion, `${kind}.js`);
}

// ---- strict pass: every field must be declared in the model's type declarations -----------------------
// The classes in the packages' .d.ts files list every field (inherited ones included) with its type:
// a primitive or literal union, Array<T>, a map { [key: string]: T }, an inline object { "a"?: T; ... },
// or another model imported from a sibling file.
const declCache = new Map();
function parseDeclarations(dtsFile) {
  if (declCache.has(dtsFile)) return declCache.get(dtsFile);
  let result = null;
  if (existsSync(dtsFile)) {
    const text = readFileSync(dtsFile, "utf8");
    const imports = new Map();
    for (const m of text.matchAll(/import \{([^}]+)\} from "([^"]+)";/g)) {
      for (const raw of m[1].split(",")) {
        const name = raw.trim().split(/\s+as\s+/).pop();
        if (name) imports.set(name, resolveImport(dtsFile, m[2]));
      }
    }
    const start = text.search(/export declare class \w+[^{]*\{/);
    if (start >= 0) {
      const open = text.indexOf("{", start);
      const body = text.slice(open + 1, matchingBrace(text, open));
      result = { props: parseMembers(body), imports };
    }
  }
  declCache.set(dtsFile, result);
  return result;
}
function matchingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error("unbalanced braces");
}
// `"name"?: Type;` members at the top level of a class or object-literal body
function parseMembers(body) {
  const props = new Map();
  let i = 0;
  while (i < body.length) {
    const m = /"([^"]+)"\??:\s*/y;
    m.lastIndex = i;
    const hit = m.exec(body);
    if (!hit) {
      const next = body.indexOf("\n", i);
      if (next < 0) break;
      i = next + 1;
      while (i < body.length && /\s/.test(body[i])) i++;
      continue;
    }
    let j = m.lastIndex, depth = 0;
    for (; j < body.length; j++) {
      const c = body[j];
      if (c === "{" || c === "<" || c === "(" || c === "[") depth++;
      else if (c === "}" || c === ">" || c === ")" || c === "]") depth--;
      else if (c === ";" && depth === 0) break;
    }
    props.set(hit[1], body.slice(m.lastIndex, j).trim());
    i = j + 1;
    while (i < body.length && /\s/.test(body[i])) i++;
  }
  return props;
}
function resolveImport(fromFile, spec) {
  const base = spec.startsWith(".") ? resolve(dirname(fromFile), spec) : join(modulesDir, spec);
  return base.replace(/\.js$/, "") + ".d.ts";
}
function typeOf(expr, decl) {
  expr = expr.trim();
  const arr = expr.match(/^Array<([\s\S]+)>$/);
  if (arr) return { kind: "array", of: typeOf(arr[1], decl) };
  if (expr.startsWith("{") && matchingBrace(expr, 0) === expr.length - 1) {
    const inner = expr.slice(1, -1).trim();
    const map = inner.match(/^\[key: string\]:\s*([\s\S]+?);?$/);
    if (map) return { kind: "map", of: typeOf(map[1], decl) };
    return { kind: "object", decl: { props: parseMembers(inner), imports: decl.imports } };
  }
  if (/^I\w+$/.test(expr) && decl.imports.has(expr)) {
    const target = parseDeclarations(decl.imports.get(expr));
    if (target) return { kind: "object", decl: target };
  }
  return { kind: "leaf" };
}
function strict(value, type, path, errors) {
  if (value === null || value === undefined) return;
  if (type.kind === "array" && Array.isArray(value)) {
    value.forEach((v, i) => strict(v, type.of, `${path}[${i}]`, errors));
  } else if (type.kind === "map" && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) strict(v, type.of, `${path}.${k}`, errors);
  } else if (type.kind === "object" && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (!type.decl.props.has(k)) {
        errors.push(`${path}.${k}: unknown field`);
      } else {
        strict(v, typeOf(type.decl.props.get(k), type.decl), `${path}.${k}`, errors);
      }
    }
  }
}

// ---- Strimzi -------------------------------------------------------------------------------------------
const strimziSchema = JSON.parse(readFileSync(join(here, "strimzi-v1-subset.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
const strimziValidators = {};
for (const kind of Object.keys(strimziSchema.definitions)) {
  strimziValidators[kind] = ajv.compile({ definitions: strimziSchema.definitions, $ref: `#/definitions/${kind}` });
}

// ---- main ----------------------------------------------------------------------------------------------
let failures = 0;
let checked = 0;
const counts = {};
for (const file of process.argv.slice(2)) {
  const docs = JSON.parse(readFileSync(file, "utf8"));
  for (const doc of docs) {
    const id = `${doc.kind}/${doc.metadata?.name ?? "?"} (${file.split("/").pop()})`;
    const errors = [];
    if (!doc.apiVersion || !doc.kind) {
      errors.push("no apiVersion or kind");
    } else if (doc.apiVersion.startsWith("kafka.strimzi.io/")) {
      const validate = strimziValidators[doc.kind];
      if (!validate) errors.push(`no schema for ${doc.apiVersion} ${doc.kind}`);
      else if (!validate(doc)) {
        for (const e of validate.errors) errors.push(`${e.instancePath || "/"} ${e.message} ${e.params ? JSON.stringify(e.params) : ""}`);
      }
    } else {
      const file = modelFile(doc.apiVersion, doc.kind);
      if (!existsSync(file)) {
        errors.push(`no schema for ${doc.apiVersion} ${doc.kind}`);
      } else {
        const mod = await import(pathToFileURL(file).href);
        const Model = mod[doc.kind];
        try {
          new Model(doc).validate();
        } catch (e) {
          errors.push(String(e.message ?? e));
        }
        const decl = parseDeclarations(file.replace(/\.js$/, ".d.ts"));
        if (!decl) errors.push(`cannot read the type declarations of ${doc.kind}`);
        else strict(doc, { kind: "object", decl }, doc.kind, errors);
      }
    }
    checked++;
    counts[doc.kind] = (counts[doc.kind] ?? 0) + 1;
    if (errors.length) {
      failures++;
      console.log(`  ✘ ${id}`);
      for (const e of errors) console.log(`      ${e}`);
    }
  }
}
const summary = Object.entries(counts).sort().map(([k, n]) => `${n} ${k}`).join(", ");
console.log(`  ${checked - failures}/${checked} resources valid (${summary})`);
process.exit(failures ? 1 : 0);
