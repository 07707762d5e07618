package io.unistore.testsupport.servicebus;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;
import org.apache.qpid.proton.message.Message;

/** Encoding and decoding of the messages the broker stores, delivers and answers with. */
final class AmqpMessages {
    /** The message format of a batch: its body is one Data section per encoded message (Service Bus's batching). */
    static final int BATCH_FORMAT = 0x80013700;

    private AmqpMessages() {
    }

    static Message decode(byte[] bytes) {
        Message m = Message.Factory.create();
        m.decode(bytes, 0, bytes.length);
        return m;
    }

    static byte[] encode(Message m) {
        int size = 1024;
        while (true) {
            byte[] buf = new byte[size];
            try {
                int n = m.encode(buf, 0, buf.length);
                byte[] out = new byte[n];
                System.arraycopy(buf, 0, out, 0, n);
                return out;
            } catch (BufferOverflowException e) {
                size *= 4;
            }
        }
    }

    /** The messages a batch envelope carries, each as its encoded bytes. */
    static List<byte[]> unbatch(byte[] envelope) {
        DecoderImpl decoder = new DecoderImpl();
        EncoderImpl encoder = new EncoderImpl(decoder);
        AMQPDefinedTypes.registerAllTypes(decoder, encoder);
        ByteBuffer buffer = ByteBuffer.wrap(envelope);
        decoder.setByteBuffer(buffer);
        List<byte[]> out = new ArrayList<>();
        while (buffer.hasRemaining()) {
            Object section = decoder.readObject();
            if (section instanceof Data data) {
                out.add(data.getValue().getArray().length == data.getValue().getLength()
                        && data.getValue().getArrayOffset() == 0 ? data.getValue().getArray()
                        : copy(data.getValue()));
            }
        }
        return out;
    }

    private static byte[] copy(Binary b) {
        byte[] out = new byte[b.getLength()];
        System.arraycopy(b.getArray(), b.getArrayOffset(), out, 0, b.getLength());
        return out;
    }

    /** The message a receiver gets: the stored one with the broker's header and annotations. */
    static byte[] forDelivery(SbMessage stored, boolean withLock) {
        Message m = decode(stored.bareMessage);
        Header header = m.getHeader() == null ? new Header() : m.getHeader();
        // AMQP counts earlier failed attempts; the SDKs of Java and JavaScript show this number as is.
        header.setDeliveryCount(UnsignedInteger.valueOf(Math.max(0, stored.deliveries - 1)));
        m.setHeader(header);
        Map<Symbol, Object> annotations = m.getMessageAnnotations() == null ? new HashMap<>()
                : new HashMap<>(m.getMessageAnnotations().getValue());
        annotations.put(Symbol.valueOf("x-opt-sequence-number"), stored.sequenceNumber);
        annotations.put(Symbol.valueOf("x-opt-enqueue-sequence-number"), stored.sequenceNumber);
        annotations.put(Symbol.valueOf("x-opt-enqueued-time"), Date.from(stored.enqueuedAt));
        if (withLock && stored.lockToken != null) {
            annotations.put(Symbol.valueOf("x-opt-locked-until"), Date.from(stored.lockedUntil));
            annotations.put(Symbol.valueOf("x-opt-lock-token"), stored.lockToken);
        }
        if (stored.deadLetterSource != null) {
            annotations.put(Symbol.valueOf("x-opt-deadletter-source"), stored.deadLetterSource);
            Map<String, Object> props = m.getApplicationProperties() == null ? new HashMap<>()
                    : new HashMap<>(m.getApplicationProperties().getValue());
            props.put("DeadLetterReason", stored.deadLetterReason);
            props.put("DeadLetterErrorDescription", stored.deadLetterDescription);
            m.setApplicationProperties(new ApplicationProperties(props));
        }
        m.setMessageAnnotations(new MessageAnnotations(annotations));
        return encode(m);
    }

    /** A request-response answer: both spellings of the status properties, as Service Bus sends them. */
    static Message response(Object correlationId, int status, String description, String errorCondition,
                            Object body) {
        Message m = Message.Factory.create();
        m.setCorrelationId(correlationId);
        Map<String, Object> props = new HashMap<>();
        props.put("statusCode", status);
        props.put("status-code", status);
        props.put("statusDescription", description);
        props.put("status-description", description);
        if (errorCondition != null) {
            props.put("errorCondition", errorCondition);
            props.put("error-condition", errorCondition);
        }
        m.setApplicationProperties(new ApplicationProperties(props));
        if (body != null) {
            m.setBody(new AmqpValue(body));
        }
        return m;
    }

    /** A lock token as the delivery tag: the GUID byte order of .NET, which the SDKs reverse. */
    static byte[] dotNetBytes(UUID uuid) {
        ByteBuffer big = ByteBuffer.allocate(16);
        big.putLong(uuid.getMostSignificantBits());
        big.putLong(uuid.getLeastSignificantBits());
        byte[] b = big.array();
        byte[] out = b.clone();
        out[0] = b[3];
        out[1] = b[2];
        out[2] = b[1];
        out[3] = b[0];
        out[4] = b[5];
        out[5] = b[4];
        out[6] = b[7];
        out[7] = b[6];
        return out;
    }

    static UUID fromDotNetBytes(byte[] tag) {
        if (tag == null || tag.length != 16) {
            return null;
        }
        byte[] b = tag.clone();
        b[0] = tag[3];
        b[1] = tag[2];
        b[2] = tag[1];
        b[3] = tag[0];
        b[4] = tag[5];
        b[5] = tag[4];
        b[6] = tag[7];
        b[7] = tag[6];
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong());
    }
}
