// Fidelity check of the Microsoft Graph stand-in with Microsoft's official Node SDK
// (@microsoft/microsoft-graph-client): every step must behave as Graph documents it.
// Usage: node msgraph-stand-in.mjs <endpoint http://127.0.0.1:PORT> <driveId> <token>
// Prints one line per step and a closing "scenario: N passed, M failed"; exits non-zero on any failure.
import graph from "@microsoft/microsoft-graph-client";
import { createHash, randomBytes } from "node:crypto";
import { step, check, expectError, finish } from "./steps.mjs";

const { Client, LargeFileUploadTask, OneDriveLargeFileUploadTask, FileUpload, PageIterator,
  ResponseType } = graph;
const [endpoint, driveId, token] = process.argv.slice(2);

// The SDK sends its token only to https URLs of Graph hosts or of `customHosts`, and treats only https URLs
// as absolute (upload URLs, nextLinks). The stand-in is plain http on 127.0.0.1, so the client is built on
// https://127.0.0.1:PORT with its default middleware chain (auth, retry, redirect, telemetry), and the
// global fetch at the bottom of that chain goes to http instead, telling the stand-in (X-Forwarded-Proto)
// that the client sees https, so the URLs it hands out are https too.
const plainFetch = globalThis.fetch;
globalThis.fetch = (request, options = {}) => {
  const url = typeof request === "string" ? request : request.url;
  const headers = new Headers(options.headers || (typeof request === "string" ? undefined : request.headers));
  headers.set("X-Forwarded-Proto", "https");
  return plainFetch(url.replace(/^https:\/\/127\.0\.0\.1:/, "http://127.0.0.1:"), { ...options, headers });
};
const client = Client.init({
  authProvider: (done) => done(null, token),
  baseUrl: endpoint.replace(/^http:/, "https:") + "/",
  defaultVersion: "v1.0",
  customHosts: new Set(["127.0.0.1"]),
});

const drive = `/drives/${driveId}`;
const top = "node-" + randomBytes(4).toString("hex");
const sha = (b) => createHash("sha256").update(Buffer.from(b)).digest("hex");
const small = Buffer.from("Hello, Graph stand-in");
const large = randomBytes(1024 * 1024 + 12345);
let folderId;
let smallItem;

await step("the drive answers with its id", async () => {
  const d = await client.api(drive).get();
  check(d.id === driveId, JSON.stringify(d));
});
await step("create a folder (conflictBehavior fail)", async () => {
  const f = await client.api(`${drive}/root/children`)
    .post({ name: top, folder: {}, "@microsoft.graph.conflictBehavior": "fail" });
  check(f.folder && f.name === top && f.id, JSON.stringify(f));
  folderId = f.id;
});
await step("creating it again is 409 nameAlreadyExists", () => expectError(() => client.api(`${drive}/root/children`)
  .post({ name: top, folder: {}, "@microsoft.graph.conflictBehavior": "fail" }), 409, "nameAlreadyExists"));
await step("conflictBehavior rename picks a free name", async () => {
  const f = await client.api(`${drive}/items/${folderId}/children`)
    .post({ name: "sub", folder: {}, "@microsoft.graph.conflictBehavior": "rename" });
  const g = await client.api(`${drive}/items/${folderId}/children`)
    .post({ name: "sub", folder: {}, "@microsoft.graph.conflictBehavior": "rename" });
  check(f.name === "sub" && g.name === "sub 1", `${f.name}, ${g.name}`);
});
await step("simple upload by path (PUT .../root:/path:/content) is 201 with size, eTag and cTag", async () => {
  smallItem = await client.api(`${drive}/root:/${top}/hello.txt:/content`).put(small);
  check(smallItem.size === small.length && smallItem.file && smallItem.eTag && smallItem.cTag, JSON.stringify(smallItem));
  check(smallItem.parentReference.id === folderId, JSON.stringify(smallItem.parentReference));
});
await step("the item by path and by id agree", async () => {
  const byPath = await client.api(`${drive}/root:/${top}/hello.txt`).get();
  const byId = await client.api(`${drive}/items/${smallItem.id}`).get();
  check(byPath.id === smallItem.id && byId.eTag === byPath.eTag, `${byPath.id} ${byId.eTag} ${byPath.eTag}`);
});
await step("download the content", async () => {
  const body = await client.api(`${drive}/items/${smallItem.id}/content`).responseType(ResponseType.ARRAYBUFFER).get();
  check(Buffer.from(body).equals(small), Buffer.from(body).toString());
});
await step("a ranged download returns the range", async () => {
  const body = await client.api(`${drive}/root:/${top}/hello.txt:/content`).header("Range", "bytes=7-11")
    .responseType(ResponseType.ARRAYBUFFER).get();
  check(Buffer.from(body).toString() === "Graph", Buffer.from(body).toString());
});
await step("an upload with conflictBehavior fail on an existing file is 409 nameAlreadyExists", () =>
  expectError(() => client.api(`${drive}/root:/${top}/hello.txt:/content`)
    .query({ "@microsoft.graph.conflictBehavior": "fail" }).put(Buffer.from("x")), 409, "nameAlreadyExists"));
await step("a write with a stale If-Match eTag is 412", async () => {
  const replaced = await client.api(`${drive}/root:/${top}/hello.txt:/content`).header("If-Match", smallItem.eTag)
    .put(small);
  check(replaced.id === smallItem.id && replaced.eTag !== smallItem.eTag, JSON.stringify(replaced));
  await expectError(() => client.api(`${drive}/items/${smallItem.id}`).header("If-Match", smallItem.eTag)
    .patch({ description: "stale" }), 412, "resourceModified");
  smallItem = replaced;
});
await step("a large file through an upload session (LargeFileUploadTask, 320 KiB ranges)", async () => {
  const session = await LargeFileUploadTask.createUploadSession(client,
    `${drive}/items/${folderId}:/large.bin:/createUploadSession`,
    { item: { "@microsoft.graph.conflictBehavior": "replace", description: "big" } });
  const task = new LargeFileUploadTask(client, new FileUpload(large, "large.bin", large.length), session,
    { rangeSize: 320 * 1024 });
  const result = await task.upload();
  const item = result.responseBody;
  check(item.size === large.length && item.name === "large.bin" && item.description === "big", JSON.stringify(item));
  const back = await client.api(`${drive}/items/${item.id}/content`).responseType(ResponseType.ARRAYBUFFER).get();
  check(sha(back) === sha(large), "content differs");
});
await step("OneDriveLargeFileUploadTask (/me/drive path, conflictBehavior rename) keeps both files", async () => {
  const task = await OneDriveLargeFileUploadTask.createTaskWithFileObject(client,
    new FileUpload(large.subarray(0, 700 * 1024), "large.bin", 700 * 1024),
    { path: `/${top}`, fileName: "large.bin", rangeSize: 320 * 1024, conflictBehavior: "rename" });
  const item = (await task.upload()).responseBody;
  check(item.name === "large 1.bin" && item.size === 700 * 1024, JSON.stringify(item));
});
await step("an upload URL answers its status and is gone after a cancel", async () => {
  const session = await LargeFileUploadTask.createUploadSession(client,
    `${drive}/root:/${top}/cancelled.bin:/createUploadSession`, { item: {} });
  const task = new LargeFileUploadTask(client, new FileUpload(large, "cancelled.bin", large.length), session,
    { rangeSize: 320 * 1024 });
  const first = await task.uploadSlice(large.subarray(0, 320 * 1024), { minValue: 0, maxValue: 320 * 1024 - 1 },
    large.length);
  check(first.nextExpectedRanges[0] === `${320 * 1024}-`, JSON.stringify(first));
  const status = await task.getStatus();
  check(status.nextExpectedRanges[0] === `${320 * 1024}-`, JSON.stringify(status));
  await task.cancel();
  await expectError(() => client.api(`${drive}/root:/${top}/cancelled.bin`).get(), 404, "itemNotFound");
});
await step("children are paged with $top and @odata.nextLink (PageIterator)", async () => {
  for (let i = 0; i < 5; i++) {
    await client.api(`${drive}/root:/${top}/sub/f${i}.txt:/content`).put(Buffer.from(`file ${i}`));
  }
  const first = await client.api(`${drive}/root:/${top}/sub:/children`).top(2).get();
  check(first.value.length === 2 && first["@odata.nextLink"], JSON.stringify(first));
  const names = [];
  await new PageIterator(client, first, (item) => { names.push(item.name); return true; }).iterate();
  check(JSON.stringify(names) === JSON.stringify(["f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt"]),
    JSON.stringify(names));
});
await step("rename with PATCH name", async () => {
  const renamed = await client.api(`${drive}/items/${smallItem.id}`).patch({ name: "renamed.txt" });
  check(renamed.name === "renamed.txt" && renamed.id === smallItem.id, JSON.stringify(renamed));
  await expectError(() => client.api(`${drive}/root:/${top}/hello.txt`).get(), 404, "itemNotFound");
});
await step("move with PATCH parentReference", async () => {
  const sub = await client.api(`${drive}/root:/${top}/sub`).get();
  const moved = await client.api(`${drive}/items/${smallItem.id}`).patch({ parentReference: { id: sub.id } });
  check(moved.parentReference.id === sub.id, JSON.stringify(moved.parentReference));
  const body = await client.api(`${drive}/root:/${top}/sub/renamed.txt:/content`)
    .responseType(ResponseType.ARRAYBUFFER).get();
  check(Buffer.from(body).equals(small), "moved content differs");
});
await step("a rename onto an existing name is 409 nameAlreadyExists", () =>
  expectError(() => client.api(`${drive}/items/${smallItem.id}`).patch({ name: "f0.txt" }), 409,
    "nameAlreadyExists"));
await step("errors carry Graph's JSON: code, message and a request id", async () => {
  try {
    await client.api(`${drive}/root:/${top}/no-such-file.txt`).get();
    throw new Error("expected 404");
  } catch (e) {
    check(e.statusCode === 404 && e.code === "itemNotFound" && e.requestId && e.message, JSON.stringify(e));
  }
});
await step("delete a file (204), then it is itemNotFound", async () => {
  await client.api(`${drive}/items/${smallItem.id}`).delete();
  await expectError(() => client.api(`${drive}/items/${smallItem.id}`).get(), 404, "itemNotFound");
});
await step("deleting a folder removes its tree", async () => {
  await client.api(`${drive}/items/${folderId}`).delete();
  await expectError(() => client.api(`${drive}/root:/${top}/sub/f0.txt`).get(), 404, "itemNotFound");
});
await step("a call without a token is 401", async () => {
  const res = await plainFetch(`${endpoint}/v1.0${drive}/root`);
  const body = await res.json();
  check(res.status === 401 && body.error.code === "InvalidAuthenticationToken", JSON.stringify(body));
});
finish();
