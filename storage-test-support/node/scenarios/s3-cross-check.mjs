// The other side of the S3 cross-client check: Amazon's Node SDK (@aws-sdk/client-s3), path-style on a local
// S3-compatible endpoint. Usage (the access key is the test server's throwaway identity):
//   node s3-cross-check.mjs put       <endpoint> <accessKeyId> <secretAccessKey> <bucket> <key> <metadata.json>
//   node s3-cross-check.mjs multipart <endpoint> <accessKeyId> <secretAccessKey> <bucket> <key> <parts> <partBytes>
//   node s3-cross-check.mjs head      <endpoint> <accessKeyId> <secretAccessKey> <bucket> <key>
// put stores a small text with the file's user metadata (a JSON object); multipart stores <parts> parts of
// <partBytes> bytes each (byte i of the object is (i * 31 + 7) mod 256). Each then prints, as one JSON line,
// what HeadObject answers: the user metadata, the ETag and the length.
import { S3Client, PutObjectCommand, HeadObjectCommand, CreateMultipartUploadCommand, UploadPartCommand,
  CompleteMultipartUploadCommand } from "@aws-sdk/client-s3";
import { readFileSync } from "node:fs";

const [mode, endpoint, accessKeyId, secretAccessKey, bucket, key, a, b] = process.argv.slice(2);
const s3 = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, maxAttempts: 1,
  credentials: { accessKeyId, secretAccessKey } });

function content(from, n) {
  const buf = Buffer.alloc(n);
  for (let i = 0; i < n; i++) buf[i] = ((from + i) * 31 + 7) & 0xff;
  return buf;
}

if (mode === "put") {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "hello from node",
    ContentType: "text/plain", Metadata: JSON.parse(readFileSync(a, "utf8")) }));
} else if (mode === "multipart") {
  const parts = Number(a);
  const size = Number(b);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  const done = [];
  for (let n = 1; n <= parts; n++) {
    const r = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: n,
      Body: content((n - 1) * size, size) }));
    done.push({ PartNumber: n, ETag: r.ETag });
  }
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId,
    MultipartUpload: { Parts: done } }));
} else if (mode !== "head") {
  console.error("unknown mode " + mode);
  process.exit(2);
}
const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
console.log(JSON.stringify({ metadata: head.Metadata ?? {}, etag: head.ETag, length: head.ContentLength }));
