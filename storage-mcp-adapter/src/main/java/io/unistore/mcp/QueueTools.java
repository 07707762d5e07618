package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;
import static io.unistore.mcp.ToolSchema.stringMap;

import io.unistore.Capability;
import io.unistore.queue.DeadLetterPolicy;
import io.unistore.queue.QueueInfo;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.queue.SendReceipt;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The queue tools: queues, sending, receiving, peeking and deleting messages, dead letters. A queue's dead letters
 * are read with {@code deadLetter: true} on the message tools: the call works on the queue's dead-letter queue
 * ({@code <queue>/$deadletterqueue}, which SQS maps to its redrive target) and is checked as a call on the queue.
 */
final class QueueTools implements ToolProvider {

    private static final Map<String, Object> MAX_MESSAGES = integer("How many messages (default 1; at most 32, 10 on "
            + "SQS)", 1, 32);
    private static final Map<String, Object> MESSAGE_ENCODING = oneOf("How the queue keeps message bodies, which "
            + "every program sharing it must agree on: none (text as is, what the Azure SDKs send and read by "
            + "default) or base64 (what Azure Functions expects; binary bodies need it). Default: the account's "
            + QueueMessageEncoding.OPTION + " option, else none", List.of("none", "base64"));
    private static final Map<String, Object> MESSAGE = ToolSchema.object()
            .required("messageId", string("Message id"))
            .required("popReceipt", nullable(string("Receipt to delete the message with (received messages only)")))
            .required("encoding", oneOf("How 'message' is encoded", List.of("utf8", "base64")))
            .required("message", string("The body: text, or base64 for binary bodies"))
            .required("insertedAt", nullable(string("ISO-8601 instant")))
            .required("expiresAt", nullable(string("ISO-8601 instant; null if it never expires")))
            .required("nextVisibleAt", nullable(string("When it becomes visible again (received messages)")))
            .required("dequeueCount", integer("How many times it was received"))
            .optional("attributes", stringMap("The attributes it was sent with, if any"))
            .optional("deadLetterReason", string("Why it was dead-lettered (messages of a dead-letter queue)"))
            .optional("deadLetterDescription", string("More about why it was dead-lettered")).build();
    private static final Map<String, Object> DEAD_LETTER = bool("Work on the queue's dead-letter queue instead "
            + "(accounts with QUEUE_DEAD_LETTER); default false");

    @Override
    public List<McpTool> tools() {
        return List.of(listQueues(), createQueue(), deleteQueue(), sendMessage(), receiveMessage(), peekMessage(),
                deleteMessage(), deadLetterMessage(), setDeadLetterPolicy());
    }

    private static final Touch WRITES = Touch.writes(NameKind.QUEUE, "queue");

    private static McpTool.Builder tool(String name) {
        return McpTool.builder(name).requires(Capability.QUEUES);
    }

    /** The account's queues, with the call's messageEncoding when it names one. */
    private static QueueStore queues(ToolCall call) {
        QueueStore queues = call.account().queues();
        return call.has("messageEncoding") ? queues.withMessageEncoding(QueueMessageEncoding.parse("messageEncoding",
                call.string("messageEncoding"))) : queues;
    }

    /** The queue the call's messages are in: the named queue, or with {@code deadLetter} its dead-letter queue. */
    private static String messagesIn(ToolCall call, String queue) {
        return call.bool("deadLetter", false) ? queue + QueueStore.DEAD_LETTER_SUBQUEUE : queue;
    }

    static Map<String, Object> message(QueueMessage m) {
        String text = Content.asText(m.body(), null, null);
        Out out = Out.of().put("messageId", m.messageId()).put("popReceipt", m.popReceipt())
                .put("encoding", text != null ? "utf8" : "base64")
                .put("message", text != null ? text : Base64.getEncoder().encodeToString(m.body()))
                .put("insertedAt", m.insertedAt()).put("expiresAt", m.expiresAt())
                .put("nextVisibleAt", m.nextVisibleAt()).put("dequeueCount", m.dequeueCount());
        if (!m.attributes().isEmpty()) {
            out.put("attributes", m.attributes());
        }
        if (m.deadLetterReason() != null) {
            out.put("deadLetterReason", m.deadLetterReason());
        }
        if (m.deadLetterDescription() != null) {
            out.put("deadLetterDescription", m.deadLetterDescription());
        }
        return out.build();
    }

    private static McpTool listQueues() {
        return NameListing.tool("list-queues", Capability.QUEUES, "List queues", "queues", Shapes.QUEUE,
                NameKind.QUEUE, (a, o) -> a.queues().listQueues(o), QueueInfo::name, Shapes::queue);
    }

    private static McpTool createQueue() {
        return tool("create-queue").title("Create a queue").writes(false, false)
                .touches(WRITES)
                .description("Create a queue. Fails with ALREADY_EXISTS if it exists. Queue names are 3-63 lowercase "
                        + "letters, digits and single hyphens.")
                .input(ToolSchema.object().required("queue", Args.QUEUE).optional("metadata", Args.METADATA).build())
                .output(ToolSchema.object().required("queue", string("The new queue"))
                        .required("created", bool("Always true")).build())
                .handler(call -> {
                    String queue = call.queue("queue");
                    call.account().queues().createQueue(queue, call.stringMap("metadata"));
                    return Out.of().put("queue", queue).put("created", true).build();
                }).build();
    }

    private static McpTool deleteQueue() {
        return tool("delete-queue").title("Delete a queue").writes(true, true)
                .touches(WRITES)
                .description("Delete a queue AND ALL ITS MESSAGES. Cannot be undone. Succeeds with deleted=false when "
                        + "it does not exist. Asks the user to confirm when the client supports it.")
                .input(ToolSchema.object().required("queue", Args.QUEUE).build())
                .output(BlobTools.deleted("queue"))
                .handler(call -> {
                    String queue = call.queue("queue");
                    call.confirm("queue '" + queue + "' of account '" + call.accountName() + "' and all its messages");
                    return Out.of().put("queue", queue).put("deleted", call.account().queues().deleteQueue(queue))
                            .build();
                }).build();
    }

    private static McpTool sendMessage() {
        return tool("send-queue-message").title("Send a message").writes(false, false)
                .touches(WRITES)
                .description("Add a message to a queue: text (encoding utf8, the default) or base64 bytes. "
                        + "messageEncoding says how the queue keeps bodies (binary bodies need base64). "
                        + "visibilityTimeoutSeconds delays it; timeToLiveSeconds bounds its life (-1: forever, "
                        + "default 7 days). Returns its id and a popReceipt.")
                .input(ToolSchema.object().required("queue", Args.QUEUE)
                        .required("message", string("The message body"))
                        .optional("encoding", Args.ENCODING)
                        .optional("messageEncoding", MESSAGE_ENCODING)
                        .optional("visibilityTimeoutSeconds", integer("Seconds before the message becomes visible "
                                + "(default 0, max 7 days)", 0, 604_800))
                        .optional("timeToLiveSeconds", integer("Seconds the message lives (-1: forever; default "
                                + "7 days)", -1, Integer.MAX_VALUE))
                        .optional("attributes", stringMap("Text attributes sent with the message (SQS message "
                                + "attributes; accounts with QUEUE_MESSAGE_ATTRIBUTES)"))
                        .optional("groupId", string("FIFO queues: the message group (accounts with QUEUE_FIFO)"))
                        .optional("deduplicationId", string("FIFO queues: a second send with the same id within "
                                + "5 minutes is dropped (accounts with QUEUE_FIFO)")).build())
                .output(ToolSchema.object().required("queue", string("Queue"))
                        .required("messageId", string("Message id"))
                        .required("popReceipt", nullable(string("Receipt to delete it before anyone receives it")))
                        .required("insertedAt", nullable(string("ISO-8601 instant")))
                        .required("expiresAt", nullable(string("ISO-8601 instant; null if never")))
                        .required("nextVisibleAt", nullable(string("ISO-8601 instant"))).build())
                .handler(call -> {
                    String queue = call.queue("queue");
                    byte[] body = Content.decode(call.string("message"), call.optionalString("encoding"),
                            call.maxInlineBytes());
                    SendMessageOptions options = SendMessageOptions.defaults().withVisibilityDelay(
                            Duration.ofSeconds(call.integer("visibilityTimeoutSeconds", 0)));
                    if (call.has("timeToLiveSeconds")) {
                        int ttl = call.integer("timeToLiveSeconds", 0);
                        options = options.withTimeToLive(ttl == -1 ? SendMessageOptions.FOREVER : Duration.ofSeconds(ttl));
                    }
                    if (call.has("attributes")) {
                        options = options.withAttributes(call.stringMap("attributes"));
                    }
                    options = options.withGroupId(call.optionalString("groupId"))
                            .withDeduplicationId(call.optionalString("deduplicationId"));
                    SendReceipt r = queues(call).sendMessage(queue, body, options);
                    return Out.of().put("queue", queue).put("messageId", r.messageId()).put("popReceipt", r.popReceipt())
                            .put("insertedAt", r.insertedAt()).put("expiresAt", r.expiresAt())
                            .put("nextVisibleAt", r.nextVisibleAt()).build();
                }).build();
    }

    private static Map<String, Object> messagesSchema() {
        return ToolSchema.object().required("queue", string("Queue"))
                .required("messageEncoding", oneOf("How the bodies were read from the queue", List.of("none",
                        "base64")))
                .required("messages", array("The messages, oldest first; empty when none is visible", MESSAGE))
                .build();
    }

    private static Map<String, Object> messages(String queue, QueueStore queues, List<QueueMessage> messages) {
        return Out.of().put("queue", queue).put("messageEncoding", queues.messageEncoding().optionValue())
                .put("messages", messages.stream().map(QueueTools::message).toList()).build();
    }

    private static McpTool receiveMessage() {
        return tool("receive-queue-message").title("Receive messages").writes(false, false)
                .touches(WRITES)
                .description("Take up to maxMessages visible messages from a queue and hide them for "
                        + "visibilityTimeoutSeconds (default 30). Process each, then delete it with "
                        + "delete-queue-message and its popReceipt, or it becomes visible again. messageEncoding says "
                        + "how the queue keeps bodies. deadLetter: true takes them from the queue's dead letters "
                        + "(delete those with delete-queue-message and deadLetter: true).")
                .input(ToolSchema.object().required("queue", Args.QUEUE).optional("maxMessages", MAX_MESSAGES)
                        .optional("deadLetter", DEAD_LETTER)
                        .optional("visibilityTimeoutSeconds", integer("Seconds the messages stay hidden (default 30, "
                                + "max 7 days)", 1, 604_800))
                        .optional("waitTimeSeconds", integer("Seconds to wait for a message when none is visible "
                                + "(long polling; default 0)", 0, 20))
                        .optional("messageEncoding", MESSAGE_ENCODING).build())
                .output(messagesSchema())
                .handler(call -> {
                    String queue = call.queue("queue");
                    QueueStore queues = queues(call);
                    List<QueueMessage> messages = queues.receiveMessages(messagesIn(call, queue), ReceiveOptions
                            .builder()
                            .maxMessages(call.integer("maxMessages", 1))
                            .visibilityTimeout(Duration.ofSeconds(call.integer("visibilityTimeoutSeconds", 30)))
                            .waitTime(Duration.ofSeconds(call.integer("waitTimeSeconds", 0))).build());
                    return messages(queue, queues, messages);
                }).build();
    }

    private static McpTool peekMessage() {
        return tool("peek-queue-message").title("Peek at messages").readOnly().requires(Capability.QUEUE_PEEK)
                .touches(Touch.reads(NameKind.QUEUE, "queue"))
                .description("Look at up to maxMessages visible messages without receiving them (they stay visible "
                        + "and get no popReceipt). messageEncoding says how the queue keeps bodies. deadLetter: true "
                        + "looks at the queue's dead letters.")
                .input(ToolSchema.object().required("queue", Args.QUEUE).optional("maxMessages", MAX_MESSAGES)
                        .optional("deadLetter", DEAD_LETTER)
                        .optional("messageEncoding", MESSAGE_ENCODING).build())
                .output(messagesSchema())
                .handler(call -> {
                    String queue = call.queue("queue");
                    QueueStore queues = queues(call);
                    return messages(queue, queues, queues.peekMessages(messagesIn(call, queue),
                            call.integer("maxMessages", 1)));
                }).build();
    }

    private static McpTool deleteMessage() {
        return tool("delete-queue-message").title("Delete a message").writes(true, true)
                .touches(WRITES)
                .description("Delete a received message with its messageId and popReceipt (from "
                        + "receive-queue-message), typically once it was processed. A stale popReceipt fails with "
                        + "PRECONDITION_FAILED (the message was received again since). deadLetter: true for a message "
                        + "received from the queue's dead letters.")
                .input(ToolSchema.object().required("queue", Args.QUEUE)
                        .required("messageId", ToolSchema.name("Message id"))
                        .required("popReceipt", ToolSchema.name("Pop receipt from receive-queue-message"))
                        .optional("deadLetter", DEAD_LETTER).build())
                .output(ToolSchema.object().required("queue", string("Queue"))
                        .required("messageId", string("Message id")).required("deleted", bool("Always true")).build())
                .handler(call -> {
                    String queue = call.queue("queue");
                    call.account().queues().deleteMessage(messagesIn(call, queue), call.string("messageId"),
                            call.string("popReceipt"));
                    return Out.of().put("queue", queue).put("messageId", call.string("messageId")).put("deleted", true)
                            .build();
                }).build();
    }

    private static McpTool deadLetterMessage() {
        return tool("dead-letter-queue-message").title("Dead-letter a message").writes(true, false)
                .requires(Capability.QUEUE_DEAD_LETTER).touches(WRITES)
                .description("Move a received message (messageId and popReceipt from receive-queue-message) to the "
                        + "queue's dead-letter queue at once, with a reason and description, when it cannot be "
                        + "processed. Read dead letters with receive-queue-message or peek-queue-message and "
                        + "deadLetter: true. On SQS this sends a copy to the redrive target and deletes the message "
                        + "(two steps), and works only for messages this server received.")
                .input(ToolSchema.object().required("queue", Args.QUEUE)
                        .required("messageId", ToolSchema.name("Message id"))
                        .required("popReceipt", ToolSchema.name("Pop receipt from receive-queue-message"))
                        .optional("reason", string("Why (up to 1024 characters)"))
                        .optional("description", string("More detail (up to 1024 characters)")).build())
                .output(ToolSchema.object().required("queue", string("Queue"))
                        .required("messageId", string("Message id"))
                        .required("deadLetterQueue", string("Where the message went: read it with deadLetter: true"))
                        .build())
                .handler(call -> {
                    String queue = call.queue("queue");
                    QueueStore queues = call.account().queues();
                    queues.deadLetterMessage(queue, call.string("messageId"), call.string("popReceipt"),
                            call.optionalString("reason"), call.optionalString("description"));
                    return Out.of().put("queue", queue).put("messageId", call.string("messageId"))
                            .put("deadLetterQueue", queues.deadLetterQueueOf(queue)).build();
                }).build();
    }

    private static McpTool setDeadLetterPolicy() {
        return tool("set-queue-dead-letter-policy").title("Set a queue's dead-letter policy").writes(true, true)
                .requires(Capability.QUEUE_DEAD_LETTER)
                .touches(WRITES, Touch.writes(NameKind.QUEUE, "deadLetterQueue")
                        .when(args -> args.get("deadLetterQueue") != null))
                .description("Dead-letter a queue's messages after maxDeliveryCount deliveries without delete: the "
                        + "next delivery moves them to the queue's dead-letter queue (Service Bus: the queue's "
                        + "MaxDeliveryCount and its $deadletterqueue; SQS: a redrive policy to deadLetterQueue, "
                        + "default <queue>-dlq, created if absent).")
                .input(ToolSchema.object().required("queue", Args.QUEUE)
                        .required("maxDeliveryCount", integer("Deliveries before dead-lettering (SQS: at most 1000)",
                                1, Integer.MAX_VALUE))
                        .optional("deadLetterQueue", Args.QUEUE).build())
                .output(ToolSchema.object().required("queue", string("Queue"))
                        .required("maxDeliveryCount", integer("Deliveries before dead-lettering"))
                        .required("deadLetterQueue", string("Where dead letters go: read them with deadLetter: true"))
                        .build())
                .handler(call -> {
                    String queue = call.queue("queue");
                    QueueStore queues = call.account().queues();
                    DeadLetterPolicy policy = DeadLetterPolicy.of(call.integer("maxDeliveryCount", 1));
                    if (call.has("deadLetterQueue")) {
                        policy = policy.withDeadLetterQueue(call.queue("deadLetterQueue"));
                    }
                    queues.setDeadLetterPolicy(queue, policy);
                    return Out.of().put("queue", queue).put("maxDeliveryCount", policy.maxDeliveryCount())
                            .put("deadLetterQueue", queues.deadLetterQueueOf(queue)).build();
                }).build();
    }
}
