package io.unistore.cli;

import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.queue.SendReceipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queue}: send, receive and peek at messages. */
@Command(name = "queue", description = "Queues: send, receive, peek.",
        subcommands = {QueueCommand.Send.class, QueueCommand.Receive.class, QueueCommand.Peek.class})
final class QueueCommand {
    private QueueCommand() {
    }

    /** A message as printed with --json. */
    record Message(String id, String text, long dequeueCount, Instant insertedAt) {
        static Message of(QueueMessage m) {
            return new Message(m.messageId(), m.text(), m.dequeueCount(), m.insertedAt());
        }
    }

    static Location queue(String text) {
        Location at = Location.parse(text);
        if (at.isLocal() || !at.path().isEmpty()) {
            throw CliException.usage(text + ": give ACCOUNT:queue");
        }
        at.requireContainer("queue");
        return at;
    }

    static int print(Output output, List<QueueMessage> messages) {
        if (output.json()) {
            output.json(messages.stream().map(Message::of).toList());
        } else {
            messages.forEach(m -> output.line(m.text()));
        }
        return Exit.OK;
    }

    /** {@code queue send ACCOUNT:queue TEXT...}. */
    @Command(name = "send", description = "Sends each TEXT as a message, or stdin's lines with '-'. The queue is "
            + "created when missing.")
    static final class Send extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ACCOUNT:queue")
        String where;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT")
        List<String> texts;

        @Override
        int run(Session session, Output output) throws IOException {
            Location at = queue(where);
            QueueStore queues = session.account(at).queues();
            queues.createQueueIfNotExists(at.container());
            List<String> bodies = new ArrayList<>();
            for (String t : texts) {
                if ("-".equals(t)) {
                    String in = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                    in.lines().filter(l -> !l.isEmpty()).forEach(bodies::add);
                } else {
                    bodies.add(t);
                }
            }
            List<String> ids = new ArrayList<>();
            for (String body : bodies) {
                SendReceipt r = queues.sendMessage(at.container(), body.getBytes(StandardCharsets.UTF_8),
                        SendMessageOptions.defaults());
                ids.add(r.messageId());
            }
            output.result(Map.of("sent", ids.size(), "ids", ids), null);
            output.note("sent " + ids.size() + " message(s) to " + at);
            return Exit.OK;
        }
    }

    /** {@code queue receive ACCOUNT:queue}: receives and deletes. */
    @Command(name = "receive", description = "Receives up to N messages, prints them and deletes them (--keep leaves "
            + "them to come back after the visibility timeout).")
    static final class Receive extends BaseCommand {
        @Parameters(paramLabel = "ACCOUNT:queue")
        String where;

        @Option(names = {"-n", "--max"}, paramLabel = "N", defaultValue = "1",
                description = "At most N messages (default ${DEFAULT-VALUE}, at most 32).")
        int max;

        @Option(names = "--keep", description = "Do not delete the received messages.")
        boolean keep;

        @Option(names = "--visibility", paramLabel = "DURATION", defaultValue = "30s",
                description = "How long received messages stay hidden (default ${DEFAULT-VALUE}).")
        String visibility;

        @Override
        int run(Session session, Output output) {
            Location at = queue(where);
            if (max < 1 || max > 32) {
                throw CliException.usage("--max: must be 1 to 32, was " + max);
            }
            QueueStore queues = session.account(at).queues();
            List<QueueMessage> got = queues.receiveMessages(at.container(),
                    ReceiveOptions.of(max, PresignCommand.duration(visibility, "--visibility")));
            print(output, got);
            if (!keep) {
                got.forEach(m -> queues.deleteMessage(at.container(), m.messageId(), m.popReceipt()));
            }
            return Exit.OK;
        }
    }

    /** {@code queue peek ACCOUNT:queue}. */
    @Command(name = "peek", description = "Prints up to N messages without receiving them.")
    static final class Peek extends BaseCommand {
        @Parameters(paramLabel = "ACCOUNT:queue")
        String where;

        @Option(names = {"-n", "--max"}, paramLabel = "N", defaultValue = "1",
                description = "At most N messages (default ${DEFAULT-VALUE}, at most 32).")
        int max;

        @Override
        int run(Session session, Output output) {
            Location at = queue(where);
            if (max < 1 || max > 32) {
                throw CliException.usage("--max: must be 1 to 32, was " + max);
            }
            return print(output, session.account(at).queues().peekMessages(at.container(), max));
        }
    }
}
