package io.unistore.aws;

/**
 * Queue names between Unistore and SQS. Unistore's queue names follow Azure's rules (3-63 lowercase letters,
 * digits and single hyphens), all of which SQS takes as they are; SQS names its FIFO queues with a {@code .fifo}
 * suffix, which no Azure name can carry, so a Unistore name ending in {@code -fifo} is the FIFO queue of that
 * name with the hyphen made a dot: {@code orders-fifo} is SQS's {@code orders.fifo}.
 */
final class SqsNames {
    /** The Unistore suffix of FIFO queues. */
    static final String FIFO_SUFFIX = "-fifo";
    private static final String SQS_FIFO_SUFFIX = ".fifo";

    private SqsNames() {
    }

    /** Whether a Unistore queue name names a FIFO queue. */
    static boolean fifo(String queue) {
        return queue.endsWith(FIFO_SUFFIX);
    }

    /** The SQS name of a Unistore queue name. */
    static String toSqs(String queue) {
        return fifo(queue) ? queue.substring(0, queue.length() - FIFO_SUFFIX.length()) + SQS_FIFO_SUFFIX : queue;
    }

    /** The Unistore name of an SQS queue name. */
    static String fromSqs(String name) {
        return name.endsWith(SQS_FIFO_SUFFIX)
                ? name.substring(0, name.length() - SQS_FIFO_SUFFIX.length()) + FIFO_SUFFIX : name;
    }

    /** The queue name at the end of an SQS queue URL. */
    static String nameOfUrl(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
