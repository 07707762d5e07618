// The other side of the table cross-client check: Microsoft's Node SDK (@azure/data-tables). Usage:
//   node table-cross-check.mjs write <connectionString> <table> <partitionKey> <rowKey> <properties.json>
//   node table-cross-check.mjs read  <connectionString> <table> <partitionKey> <rowKey>
// write upserts (replace) an entity with the file's properties (a JSON object; strings, booleans and numbers, a
// number as Int32 when whole), then reads it. Both print the entity's own properties as one JSON object, each
// property as {"value", "type"} (the EDM type the service reported, "" when it reported none).
import { TableClient } from "@azure/data-tables";
import { readFileSync } from "node:fs";

const [mode, connectionString, tableName, partitionKey, rowKey, file] = process.argv.slice(2);
const table = TableClient.fromConnectionString(connectionString, tableName,
  { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });

if (mode === "write") {
  const properties = JSON.parse(readFileSync(file, "utf8"));
  await table.upsertEntity({ partitionKey, rowKey, ...properties }, "Replace");
} else if (mode !== "read") {
  console.error("unknown mode " + mode);
  process.exit(2);
}
const entity = await table.getEntity(partitionKey, rowKey, { disableTypeConversion: true });
const out = {};
for (const [name, v] of Object.entries(entity)) {
  if (["partitionKey", "rowKey", "timestamp", "etag", "odata.metadata"].includes(name)) continue;
  out[name] = typeof v === "object" && v !== null ? { value: v.value, type: v.type ?? "" } : { value: v, type: "" };
}
console.log(JSON.stringify(out));
