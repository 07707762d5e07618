// Fidelity check of the Azure Files stand-in with Microsoft's official Node SDK (@azure/storage-file-share):
// every step must behave as the real service documents it. Usage: node files-stand-in.mjs <serviceUrl> <account> <key>
// Prints one line per step and a closing "scenario: N passed, M failed"; exits non-zero on any failure.
import { ShareServiceClient, StorageSharedKeyCredential } from "@azure/storage-file-share";
import { createHash, randomBytes } from "node:crypto";

const [url, account, key] = process.argv.slice(2);
const service = new ShareServiceClient(url, new StorageSharedKeyCredential(account, key),
  { retryOptions: { maxTries: 1 } });
let passed = 0;
let failed = 0;

async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function expectError(fn, status, code) {
  try {
    await fn();
  } catch (e) {
    check(e.statusCode === status, `expected HTTP ${status}, got ${e.statusCode} (${e.code})`);
    check(e.code === code || (e.details && e.details.errorCode === code), `expected ${code}, got ${e.code}`);
    return;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

const shareName = "node-" + randomBytes(4).toString("hex");
const share = service.getShareClient(shareName);
const md5 = (b) => createHash("md5").update(b).digest("base64");

await step("create share with quota and metadata", async () => {
  await share.create({ quota: 7, metadata: { Team: "storage" } });
  const p = await share.getProperties();
  check(p.quota === 7, `quota ${p.quota}`);
  check(p.metadata.team === "storage" || p.metadata.Team === "storage", JSON.stringify(p.metadata));
});
await step("creating it again is ShareAlreadyExists", () => expectError(() => share.create(), 409, "ShareAlreadyExists"));
await step("set quota", async () => {
  await share.setQuota(9);
  check((await share.getProperties()).quota === 9, "quota not 9");
});
await step("list shares by prefix with metadata", async () => {
  const names = [];
  for await (const s of service.listShares({ prefix: shareName, includeMetadata: true })) names.push(s.name);
  check(names.length === 1 && names[0] === shareName, JSON.stringify(names));
});
await step("nested directories; a missing parent is ParentNotFound", async () => {
  await share.getDirectoryClient("a").create();
  await share.getDirectoryClient("a/b").create({ metadata: { level: "2" } });
  await expectError(() => share.getDirectoryClient("x/y").create(), 404, "ParentNotFound");
  const p = await share.getDirectoryClient("a/b").getProperties();
  check(p.metadata.level === "2", JSON.stringify(p.metadata));
});
await step("create file, put ranges, read a range back", async () => {
  const file = share.getDirectoryClient("a").getFileClient("ranges.bin");
  await file.create(10);
  await file.uploadRange(Buffer.from("hello"), 0, 5);
  await file.uploadRange(Buffer.from("world"), 5, 5);
  const part = await file.downloadToBuffer(3, 4);
  check(part.toString() === "lowo", part.toString());
  const props = await file.getProperties();
  check(props.contentLength === 10, `length ${props.contentLength}`);
});
await step("a range past the end of the file is InvalidRange", async () => {
  const file = share.getDirectoryClient("a").getFileClient("ranges.bin");
  await expectError(() => file.uploadRange(Buffer.from("x"), 10, 1), 416, "InvalidRange");
});
await step("uploadData in parallel ranges with headers and metadata", async () => {
  const data = randomBytes(9 * 1024 * 1024 + 3);
  const file = share.getDirectoryClient("a/b").getFileClient("big.bin");
  await file.uploadData(data, { rangeSize: 4 * 1024 * 1024, concurrency: 3,
    fileHttpHeaders: { fileContentType: "application/x-node", fileContentMD5: Buffer.from(md5(data), "base64") },
    metadata: { origin: "node" } });
  const back = await file.downloadToBuffer();
  check(Buffer.compare(back, data) === 0, "content differs");
  const p = await file.getProperties();
  check(p.contentType === "application/x-node", p.contentType);
  check(Buffer.from(p.contentMD5).toString("base64") === md5(data), "md5 differs");
  check(p.metadata.origin === "node", JSON.stringify(p.metadata));
});
await step("list a directory in pages with markers", async () => {
  const dir = share.getDirectoryClient("pages");
  await dir.create();
  for (const n of ["e", "a", "d", "c", "b"]) await dir.getFileClient(n).create(1);
  const pages = [];
  for await (const page of dir.listFilesAndDirectories().byPage({ maxPageSize: 2 })) {
    pages.push(page.segment.fileItems.map((f) => f.name).concat(page.segment.directoryItems.map((d) => d.name + "/")));
  }
  check(JSON.stringify(pages) === JSON.stringify([["a", "b"], ["c", "d"], ["e"]]), JSON.stringify(pages));
});
await step("list with a prefix mixes files and directories", async () => {
  const names = [];
  for await (const item of share.getDirectoryClient("a").listFilesAndDirectories({ prefix: "" })) {
    names.push(item.kind + ":" + item.name);
  }
  check(JSON.stringify(names.sort()) === JSON.stringify(["directory:b", "file:ranges.bin"]), JSON.stringify(names));
});
await step("set file metadata and HTTP headers", async () => {
  const file = share.getDirectoryClient("a").getFileClient("ranges.bin");
  await file.setMetadata({ Changed: "yes" });
  await file.setHttpHeaders({ fileContentType: "text/plain" });
  const p = await file.getProperties();
  check(p.contentType === "text/plain", p.contentType);
  check(p.metadata.changed === "yes" || p.metadata.Changed === "yes", JSON.stringify(p.metadata));
});
await step("rename a file, replacing the target", async () => {
  const src = share.getDirectoryClient("a").getFileClient("ranges.bin");
  await share.getDirectoryClient("a").getFileClient("target.bin").create(1);
  await src.rename("a/target.bin", { replaceIfExists: true });
  const back = await share.getDirectoryClient("a").getFileClient("target.bin").downloadToBuffer();
  check(back.toString() === "helloworld", back.toString());
  await expectError(() => src.getProperties(), 404, "ResourceNotFound");
});
await step("deleting a non-empty directory is DirectoryNotEmpty", () =>
  expectError(() => share.getDirectoryClient("a").delete(), 409, "DirectoryNotEmpty"));
await step("missing share is ShareNotFound", () =>
  expectError(() => service.getShareClient(shareName + "-none").getProperties(), 404, "ShareNotFound"));
await step("a wrong key is AuthenticationFailed", async () => {
  const wrong = new ShareServiceClient(url, new StorageSharedKeyCredential(account,
    Buffer.from("not the key").toString("base64")), { retryOptions: { maxTries: 1 } });
  await expectError(() => wrong.getShareClient(shareName).getProperties(), 403, "AuthenticationFailed");
});
await step("delete files, directories and the share", async () => {
  await share.getDirectoryClient("a/b").getFileClient("big.bin").delete();
  await share.getDirectoryClient("a/b").delete();
  await share.delete();
  check(!(await share.exists()), "share still exists");
});

console.log(`scenario: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
