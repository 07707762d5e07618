// Fidelity check of the Key Vault stand-in with Microsoft's official Node SDK (@azure/keyvault-keys): each step
// must behave as the real service documents it. Usage:
//   node keyvault-stand-in.mjs <vaultUrl> <port> <certificatePemFile> <bearerToken>
// The client is built on the vault URL (the SDK checks the challenge's resource against its domain); a per-retry
// policy sends each request to https://127.0.0.1:<port>, trusting only the stand-in's certificate. The credential
// is static: it hands out a token the stand-in issued, and records the scopes the SDK asked for.
// Prints one line per step and a closing "scenario: N passed, M failed"; exits non-zero on any failure.
import { KeyClient, CryptographyClient } from "@azure/keyvault-keys";
import { readFileSync } from "node:fs";
import https from "node:https";
import { randomBytes } from "node:crypto";
import { check, expectError, finish, step } from "./steps.mjs";

const [vaultUrl, port, certFile, token] = process.argv.slice(2);
const ca = readFileSync(certFile, "utf8");
const vaultHost = new URL(vaultUrl).hostname;
const scopesAsked = [];
const credential = {
  getToken: async (scopes) => {
    scopesAsked.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token, expiresOnTimestamp: Date.now() + 3600 * 1000 };
  },
};
const loopback = {
  name: "loopbackRedirect",
  async sendRequest(request, next) {
    const original = request.url;
    const url = new URL(original);
    if (url.hostname !== vaultHost) return next(request);
    url.hostname = "127.0.0.1";
    url.port = port;
    request.url = url.toString();
    try {
      return await next(request);
    } finally {
      // The challenge policy compares the resource with the host it asked for.
      request.url = original;
    }
  },
};
const options = {
  additionalPolicies: [{ policy: loopback, position: "perRetry" }],
  tlsOptions: { ca },
  retryOptions: { maxRetries: 0 },
};
const keys = new KeyClient(vaultUrl, credential, options);
const crypto = (id) => new CryptographyClient(id, credential, options);
function rawGet(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: "127.0.0.1", port, path, method: "GET", ca, servername: "localhost", headers },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
      });
    req.on("error", reject);
    req.end();
  });
}

const versionPattern = (name) => new RegExp(`^${vaultUrl.replace(/\./g, "\\.")}/keys/${name}/[0-9a-f]{32}$`);
const contentKey = randomBytes(40); // the protocol-2 prefix and a 32-byte key, as storage CSE v2 wraps
let first;
let wrappedByFirst;
let rotated;

await step("a request without a token gets the bearer challenge and Key Vault's error JSON", async () => {
  const r = await rawGet("/keys/anything?api-version=7.6");
  check(r.status === 401, `status ${r.status}`);
  const challenge = r.headers["www-authenticate"] || "";
  check(/^Bearer authorization="https:\/\/login\.microsoftonline\.com\/[0-9a-f-]+", resource="https:\/\/vault\.azure\.net"$/
    .test(challenge), `challenge ${challenge}`);
  const body = JSON.parse(r.body);
  check(body.error && body.error.code === "Unauthorized" && body.error.message, r.body);
});
await step("a token the vault did not issue is refused 401", async () => {
  const r = await rawGet("/keys/anything?api-version=7.6", { Authorization: "Bearer not-issued" });
  check(r.status === 401, `status ${r.status}`);
});
await step("create an RSA key (versioned id, type, public modulus)", async () => {
  first = await keys.createRsaKey("node-rsa", { keySize: 2048 });
  check(versionPattern("node-rsa").test(first.id), `id ${first.id}`);
  check(first.keyType === "RSA", `keyType ${first.keyType}`);
  check(first.key.n.length === 256, `modulus of ${first.key.n.length} bytes`);
  check(first.properties.enabled === true, "not enabled");
  check(first.keyOperations.includes("wrapKey") && first.keyOperations.includes("unwrapKey"), "key ops");
  check(scopesAsked.includes("https://vault.azure.net/.default"), `scopes ${scopesAsked}`);
});
await step("get the key: latest and by version", async () => {
  const latest = await keys.getKey("node-rsa");
  check(latest.id === first.id, `latest ${latest.id}`);
  const byVersion = await keys.getKey("node-rsa", { version: first.properties.version });
  check(byVersion.id === first.id && byVersion.properties.version.length === 32, `by version ${byVersion.id}`);
});
await step("wrap and unwrap round trip with RSA-OAEP-256 and RSA-OAEP", async () => {
  for (const alg of ["RSA-OAEP-256", "RSA-OAEP"]) {
    const wrapped = await crypto(first.id).wrapKey(alg, contentKey);
    check(wrapped.result.length === 256, `${alg}: wrapped ${wrapped.result.length} bytes`);
    const unwrapped = await crypto(first.id).unwrapKey(alg, wrapped.result);
    check(Buffer.compare(Buffer.from(unwrapped.result), contentKey) === 0, `${alg}: unwrapped key differs`);
    if (alg === "RSA-OAEP-256") wrappedByFirst = wrapped.result;
  }
});
await step("rotate makes a new version that is the latest", async () => {
  rotated = await keys.rotateKey("node-rsa");
  check(versionPattern("node-rsa").test(rotated.id) && rotated.id !== first.id, `rotated ${rotated.id}`);
  const latest = await keys.getKey("node-rsa");
  check(latest.id === rotated.id, `latest after rotation ${latest.id}`);
});
await step("list the key's versions", async () => {
  const ids = [];
  for await (const p of keys.listPropertiesOfKeyVersions("node-rsa")) ids.push(p.id);
  check(ids.length === 2 && ids.includes(first.id) && ids.includes(rotated.id), `versions ${ids}`);
});
await step("the old version still unwraps what it wrapped after the rotation", async () => {
  const unwrapped = await crypto(first.id).unwrapKey("RSA-OAEP-256", wrappedByFirst);
  check(Buffer.compare(Buffer.from(unwrapped.result), contentKey) === 0, "unwrapped key differs");
});
await step("the new version does not unwrap the old version's wrap (400 BadParameter)", async () => {
  await expectError(() => crypto(rotated.id).unwrapKey("RSA-OAEP-256", wrappedByFirst), 400, "BadParameter");
});
await step("a missing key is 404 KeyNotFound", async () => {
  await expectError(() => keys.getKey("no-such-key"), 404, "KeyNotFound");
  await expectError(() => keys.rotateKey("no-such-key"), 404, "KeyNotFound");
});
await step("a missing version is 404 KeyNotFound", async () => {
  await expectError(() => keys.getKey("node-rsa", { version: "0123456789abcdef0123456789abcdef" }), 404,
    "KeyNotFound");
});
await step("an oct-HSM key wraps and unwraps with A256KW", async () => {
  const hsm = await keys.createKey("node-hsm", "oct-HSM", { keySize: 256 });
  check(hsm.keyType === "oct-HSM" && hsm.key.k === undefined, `type ${hsm.keyType}, material exposed`);
  const wrapped = await crypto(hsm.id).wrapKey("A256KW", contentKey);
  check(wrapped.result.length === 48, `wrapped ${wrapped.result.length} bytes`);
  const unwrapped = await crypto(hsm.id).unwrapKey("A256KW", wrapped.result);
  check(Buffer.compare(Buffer.from(unwrapped.result), contentKey) === 0, "unwrapped key differs");
});
await step("an algorithm the key type does not do is 400 BadParameter", async () => {
  await expectError(() => crypto(first.id).wrapKey("A256KW", contentKey), 400, "BadParameter");
});

finish();
