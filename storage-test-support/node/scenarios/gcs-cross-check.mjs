// The other side of the Cloud Storage cross-client check: Google's Node client (@google-cloud/storage) on a
// JSON API endpoint. Usage:
//   node gcs-cross-check.mjs put  <endpoint> <bucket> <name> <metadata.json>
//   node gcs-cross-check.mjs head <endpoint> <bucket> <name>
// put stores a small text with the file's custom metadata (a JSON object). Both print, as one JSON line, the
// object's custom metadata and MD5 as the service reports them.
import { Storage } from "@google-cloud/storage";
import { readFileSync } from "node:fs";

const [mode, endpoint, bucketName, name, file] = process.argv.slice(2);
const storage = new Storage({ apiEndpoint: endpoint, projectId: "node-cross-check",
  retryOptions: { autoRetry: false } });
const object = storage.bucket(bucketName).file(name);

if (mode === "put") {
  await object.save("hello from node", { resumable: false, contentType: "text/plain",
    metadata: { metadata: JSON.parse(readFileSync(file, "utf8")) } });
} else if (mode !== "head") {
  console.error("unknown mode " + mode);
  process.exit(2);
}
const [m] = await object.getMetadata();
console.log(JSON.stringify({ metadata: m.metadata ?? {}, md5: m.md5Hash ?? null }));
