// Fidelity check of the Service Bus stand-in with Microsoft's official Node SDK (@azure/service-bus, on rhea):
// each step must behave as the real service documents it. Usage:
//   node servicebus-stand-in.mjs <connectionString> <queue> <queueWith5sLock> <wrongKeyConnectionString>
//     <queueWithMaxDeliveryCount2>
// Prints one line per step and a closing "scenario: N passed, M failed"; exits non-zero on any failure.
import { ServiceBusClient } from "@azure/service-bus";
import Long from "long";

const [connectionString, queue, lockQueue, wrongConnectionString, poisonQueue] = process.argv.slice(2);
const client = new ServiceBusClient(connectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 20000 } });
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

async function expectCode(fn, code) {
  try {
    await fn();
  } catch (e) {
    check(e.code === code, `expected ${code}, got ${e.code}: ${e.message}`);
    return;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sender = client.createSender(queue);
const receiver = client.createReceiver(queue); // peek-lock, the default
let received = [];

await step("send one message with properties and a batch of two", async () => {
  await sender.sendMessages({ body: "one", messageId: "m-1", applicationProperties: { colour: "blue", n: 7 },
    timeToLive: 300000, subject: "first" });
  await sender.sendMessages([{ body: "two" }, { body: "three" }]);
});
await step("peek sees the three in order without locking them", async () => {
  const peeker = client.createReceiver(queue);
  const peeked = await peeker.peekMessages(10);
  await peeker.close();
  check(peeked.length === 3, `peeked ${peeked.length}`);
  check(peeked.map((m) => m.body).join(",") === "one,two,three", peeked.map((m) => m.body).join(","));
  check(peeked[0].sequenceNumber.lessThan(peeked[1].sequenceNumber), "sequence numbers do not rise");
  check(peeked.every((m) => m.lockToken === undefined), "a peeked message has a lock token");
});
await step("receive in peek-lock: lock token, lock end, delivery count, properties", async () => {
  received = await receiver.receiveMessages(3, { maxWaitTimeInMs: 5000 });
  check(received.length === 3, `received ${received.length}`);
  const first = received[0];
  check(first.messageId === "m-1", `messageId ${first.messageId}`);
  check(first.subject === "first", `subject ${first.subject}`);
  check(first.applicationProperties.colour === "blue" && first.applicationProperties.n === 7, "properties lost");
  check(/^[0-9a-f-]{36}$/.test(first.lockToken), `lock token ${first.lockToken}`);
  check(first.lockedUntilUtc.getTime() > Date.now() + 20000, `locked until ${first.lockedUntilUtc}`);
  check(first.deliveryCount === 0, `delivery count ${first.deliveryCount}`);
  check(first.enqueuedTimeUtc.getTime() <= Date.now() + 1000, "enqueued time");
  check(Math.abs(first.expiresAtUtc.getTime() - first.enqueuedTimeUtc.getTime() - 300000) < 1000, "expiry");
});
await step("locked messages are not received twice", async () => {
  const none = await receiver.receiveMessages(3, { maxWaitTimeInMs: 1000 });
  check(none.length === 0, `received ${none.length} locked messages`);
});
await step("complete removes the message", async () => {
  await receiver.completeMessage(received[0]);
  // Peeking goes on from the last peeked sequence number: start again from the first.
  const left = await receiver.peekMessages(10, { fromSequenceNumber: Long.ZERO });
  check(left.map((m) => m.body).join(",") === "two,three", `left: ${left.map((m) => m.body).join(",")}`);
});
await step("the broker gives a message sent without an id one", async () => {
  check(typeof received[1].messageId === "string" && received[1].messageId.length > 0, "no message id");
});
await step("renew lock moves the lock's end", async () => {
  const before = received[1].lockedUntilUtc.getTime();
  await sleep(1100);
  const until = await receiver.renewMessageLock(received[1]);
  check(until.getTime() > before, `renewed until ${until}, was ${new Date(before)}`);
});
await step("abandon redelivers with a higher delivery count", async () => {
  await receiver.abandonMessage(received[1]);
  const again = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5000 });
  check(again.length === 1 && again[0].body === "two", "not redelivered");
  check(again[0].deliveryCount === 1, `delivery count ${again[0].deliveryCount}`);
  check(again[0].lockToken !== received[1].lockToken, "same lock token");
  await receiver.completeMessage(again[0]);
});
await step("dead-letter moves the message to the dead-letter sub-queue with its reason", async () => {
  await receiver.deadLetterMessage(received[2], { deadLetterReason: "poison", deadLetterErrorDescription: "bad" });
  const dlq = client.createReceiver(queue, { subQueueType: "deadLetter" });
  const dead = await dlq.receiveMessages(1, { maxWaitTimeInMs: 5000 });
  check(dead.length === 1 && dead[0].body === "three", "not in the dead-letter queue");
  check(dead[0].deadLetterReason === "poison", `reason ${dead[0].deadLetterReason}`);
  check(dead[0].deadLetterErrorDescription === "bad", `description ${dead[0].deadLetterErrorDescription}`);
  check(dead[0].deadLetterSource === queue, `source ${dead[0].deadLetterSource}`);
  await dlq.completeMessage(dead[0]);
  await dlq.close();
});
await step("abandoned past MaxDeliveryCount, a message is dead-lettered with its delivery count", async () => {
  const s = client.createSender(poisonQueue);
  const r = client.createReceiver(poisonQueue);
  await s.sendMessages({ body: "poison", applicationProperties: { kind: "bad" } });
  for (let delivery = 0; delivery < 2; delivery++) {
    const [m] = await r.receiveMessages(1, { maxWaitTimeInMs: 5000 });
    check(m && m.body === "poison", `delivery ${delivery} missing`);
    check(m.deliveryCount === delivery, `delivery count ${m.deliveryCount}, expected ${delivery}`);
    await r.abandonMessage(m);
  }
  const none = await r.receiveMessages(1, { maxWaitTimeInMs: 1000 });
  check(none.length === 0, "delivered a third time");
  const dlq = client.createReceiver(poisonQueue, { subQueueType: "deadLetter" });
  const [peeked] = await dlq.peekMessages(1);
  check(peeked && peeked.body === "poison", "the dead-letter queue cannot be peeked");
  const [dead] = await dlq.receiveMessages(1, { maxWaitTimeInMs: 5000 });
  check(dead && dead.body === "poison", "not in the dead-letter queue");
  check(dead.applicationProperties.kind === "bad", "properties lost");
  check(dead.deadLetterReason === "MaxDeliveryCountExceeded", `reason ${dead.deadLetterReason}`);
  check(typeof dead.deadLetterErrorDescription === "string", "no description");
  check(dead.deadLetterSource === poisonQueue, `source ${dead.deadLetterSource}`);
  check(dead.deliveryCount === 2, `delivery count ${dead.deliveryCount}`);
  await dlq.completeMessage(dead);
  const left = await dlq.receiveMessages(1, { maxWaitTimeInMs: 500 });
  check(left.length === 0, "completed dead letter came back");
  await dlq.close();
  await r.close();
  await s.close();
});
await step("scheduled messages appear at their time; a cancelled one never", async () => {
  const at = new Date(Date.now() + 2000);
  const [seq] = await sender.scheduleMessages({ body: "later" }, at);
  const [cancelled] = await sender.scheduleMessages({ body: "never" }, new Date(Date.now() + 3000));
  await sender.cancelScheduledMessages(cancelled);
  const early = await receiver.receiveMessages(1, { maxWaitTimeInMs: 500 });
  check(early.length === 0, "a scheduled message arrived early");
  const later = await receiver.receiveMessages(1, { maxWaitTimeInMs: 10000 });
  check(later.length === 1 && later[0].body === "later", "the scheduled message did not arrive");
  check(later[0].sequenceNumber.equals(seq), "sequence number differs from the scheduled one");
  check(Date.now() >= at.getTime() - 100, "arrived before its time");
  await receiver.completeMessage(later[0]);
  await sleep(1200);
  const none = await receiver.receiveMessages(1, { maxWaitTimeInMs: 500 });
  check(none.length === 0, "the cancelled message arrived");
});
await step("an expired lock returns the message with a higher count; the old lock is lost", async () => {
  const s = client.createSender(lockQueue);
  // No automatic renewal: the SDK would otherwise keep the lock alive.
  const r = client.createReceiver(lockQueue, { maxAutoLockRenewalDurationInMs: 0 });
  await s.sendMessages({ body: "slow" });
  const [first] = await r.receiveMessages(1, { maxWaitTimeInMs: 5000 });
  check(first && first.lockedUntilUtc.getTime() - Date.now() < 6000, "lock longer than the queue's 5 s");
  await sleep(5500);
  const [again] = await r.receiveMessages(1, { maxWaitTimeInMs: 5000 });
  check(again && again.body === "slow", "the message did not come back");
  check(again.deliveryCount === 1, `delivery count ${again.deliveryCount}`);
  await expectCode(() => r.completeMessage(first), "MessageLockLost");
  await r.completeMessage(again);
  await s.close();
  await r.close();
});
await step("receive-and-delete takes messages without locks", async () => {
  await sender.sendMessages({ body: "gone" });
  const rad = client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
  const [m] = await rad.receiveMessages(1, { maxWaitTimeInMs: 5000 });
  check(m && m.body === "gone" && m.lockToken === undefined, "not received and deleted");
  const left = await receiver.peekMessages(10, { fromSequenceNumber: Long.ZERO });
  check(left.length === 0, `${left.length} left`);
  await rad.close();
});
await step("a missing queue is MessagingEntityNotFound", () =>
  expectCode(() => client.createSender(queue + "-none").sendMessages({ body: "x" }), "MessagingEntityNotFound"));
await step("a wrong key is UnauthorizedAccess", async () => {
  const wrong = new ServiceBusClient(wrongConnectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 10000 } });
  try {
    await expectCode(() => wrong.createSender(queue).sendMessages({ body: "x" }), "UnauthorizedAccess");
  } finally {
    await wrong.close();
  }
});

await sender.close();
await receiver.close();
await client.close();
console.log(`scenario: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
