package io.unistore.aws;

import io.unistore.StorageException;
import io.unistore.queue.DeadLetterPolicy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQS redrive policies, the JSON attribute {@code RedrivePolicy} of a queue, and the dead-letter queue a queue
 * gets when its policy names none.
 */
final class SqsRedrive {
    /** SQS's largest {@code maxReceiveCount}. */
    static final int MAX_RECEIVE_COUNT = 1000;
    private static final Pattern TARGET = Pattern.compile("\"deadLetterTargetArn\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("\"maxReceiveCount\"\\s*:\\s*\"?(\\d+)");
    private static final int MAX_NAME = 63;

    private SqsRedrive() {
    }

    /** The attribute's JSON for a target queue's ARN. */
    static String json(String targetArn, int maxReceiveCount) {
        return "{\"deadLetterTargetArn\":\"" + targetArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
    }

    /** The policy an attribute holds, its target as a Unistore queue name; null for none or an empty one. */
    static DeadLetterPolicy parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        Matcher target = TARGET.matcher(json);
        Matcher count = COUNT.matcher(json);
        if (!target.find() || !count.find()) {
            return null;
        }
        String arn = target.group(1);
        return new DeadLetterPolicy(Integer.parseInt(count.group(1)),
                SqsNames.fromSqs(arn.substring(arn.lastIndexOf(':') + 1)));
    }

    /**
     * The dead-letter queue of {@code queue} when the policy names none: {@code <queue>-dlq}, or for a FIFO queue
     * {@code <name>-dlq-fifo} (a FIFO queue's dead letters must go to a FIFO queue).
     */
    static String defaultTarget(String queue) {
        String target = SqsNames.fifo(queue)
                ? queue.substring(0, queue.length() - SqsNames.FIFO_SUFFIX.length()) + "-dlq" + SqsNames.FIFO_SUFFIX
                : queue + "-dlq";
        if (target.length() > MAX_NAME) {
            throw StorageException.invalidArgument("deadLetterQueue", "must be named for queue " + queue + ": "
                    + target + " would be longer than " + MAX_NAME + " characters");
        }
        return target;
    }
}
