// The other side of the cross-client check: Microsoft's Node SDK (@azure/storage-blob) reads a blob written by
// Unistore, or writes one for Unistore to read. Usage:
//   node blob-cross-check.mjs read  <connectionString> <container> <blob>
//   node blob-cross-check.mjs write <connectionString> <container> <blob> <bytes>
// Prints one JSON line: the content's SHA-256, size, content type and metadata.
import { BlobServiceClient } from "@azure/storage-blob";
import { createHash } from "node:crypto";

const [mode, connectionString, containerName, blobName, bytes] = process.argv.slice(2);
const blob = BlobServiceClient.fromConnectionString(connectionString, { retryOptions: { maxTries: 1 } })
  .getContainerClient(containerName).getBlockBlobClient(blobName);

function content(n) {
  // Deterministic bytes both sides can recompute: i * 31 + 7 modulo 256.
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff;
  return b;
}

if (mode === "write") {
  const data = content(Number(bytes));
  await blob.uploadData(data, { blockSize: 1024 * 1024, concurrency: 2,
    blobHTTPHeaders: { blobContentType: "application/x-from-node" }, metadata: { origin: "node", Step: "2" } });
}
const props = await blob.getProperties();
const data = await blob.downloadToBuffer();
console.log(JSON.stringify({
  sha256: createHash("sha256").update(data).digest("hex"),
  size: data.length,
  contentType: props.contentType,
  metadata: props.metadata,
}));
