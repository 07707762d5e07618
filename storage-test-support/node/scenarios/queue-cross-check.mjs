// The other side of the queue cross-client check: Microsoft's Node SDK (@azure/storage-queue) with its defaults,
// which send and read a message's text as it is (no encoding). Usage:
//   node queue-cross-check.mjs send    <connectionString> <queue> <messages.json>
//   node queue-cross-check.mjs receive <connectionString> <queue> <count>
// send: the file holds a JSON array of message texts, sent in order; prints {"sent": n}.
// receive: takes <count> messages (waiting up to 20 s), deletes each, and prints a JSON array of
// {"text", "dequeueCount"} oldest first.
import { QueueServiceClient } from "@azure/storage-queue";
import { readFileSync } from "node:fs";

const [mode, connectionString, queueName, arg] = process.argv.slice(2);
const queue = QueueServiceClient.fromConnectionString(connectionString, { retryOptions: { maxTries: 1 } })
  .getQueueClient(queueName);

if (mode === "send") {
  const texts = JSON.parse(readFileSync(arg, "utf8"));
  for (const text of texts) {
    await queue.sendMessage(text);
  }
  console.log(JSON.stringify({ sent: texts.length }));
} else if (mode === "receive") {
  const wanted = Number(arg);
  const got = [];
  const deadline = Date.now() + 20_000;
  while (got.length < wanted && Date.now() < deadline) {
    const r = await queue.receiveMessages({ numberOfMessages: Math.min(32, wanted - got.length), visibilityTimeout: 60 });
    for (const m of r.receivedMessageItems) {
      got.push({ text: m.messageText, dequeueCount: m.dequeueCount });
      await queue.deleteMessage(m.messageId, m.popReceipt);
    }
  }
  console.log(JSON.stringify(got));
} else {
  console.error("unknown mode " + mode);
  process.exit(2);
}
