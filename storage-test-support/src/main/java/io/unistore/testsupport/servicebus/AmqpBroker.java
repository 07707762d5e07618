package io.unistore.testsupport.servicebus;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedLong;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Modified;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.SenderSettleMode;
import org.apache.qpid.proton.engine.BaseHandler;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.SaslListener;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMQP side of the stand-in, as a Proton-J reactor handler: SASL (ANONYMOUS, MSSBCBS, PLAIN; the SDKs
 * authenticate through {@code $cbs}), the {@code $cbs} put-token node, senders into queues, receivers in peek-lock
 * (unsettled, locked, settled by the client's outcome) or receive-and-delete (pre-settled), the dead-letter
 * sub-queue {@code <queue>/$DeadLetterQueue}, and each queue's {@code $management} node. Runs on the reactor's
 * one thread.
 */
final class AmqpBroker extends BaseHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpBroker.class);
    private static final Symbol NOT_FOUND = Symbol.valueOf("amqp:not-found");
    private static final Symbol UNAUTHORIZED = Symbol.valueOf("amqp:unauthorized-access");
    private static final Symbol LOCK_LOST = Symbol.valueOf("com.microsoft:message-lock-lost");
    private static final Symbol DEAD_LETTER = Symbol.valueOf("com.microsoft:dead-letter");
    private static final Symbol TOO_LARGE = Symbol.valueOf("amqp:link:message-size-exceeded");
    /** Service Bus Standard's largest message. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;

    /** What a link is for. */
    enum Kind { CBS, MANAGEMENT, ENTITY }

    /** A link's role, kept in its context. */
    record LinkRole(Kind kind, String queue, boolean deadLetter) {
    }

    /** What a connection proved through {@code $cbs}, and its reply links by address. */
    static final class ConnectionState {
        boolean authorized;
        final Map<String, Sender> replyLinks = new HashMap<>();
    }

    private final SbNamespace namespace;
    private final SasTokens tokens;
    private final Set<Sender> entitySenders = new HashSet<>();

    AmqpBroker(SbNamespace namespace, SasTokens tokens) {
        this.namespace = namespace;
        this.tokens = tokens;
    }

    // ---- connection, session -----------------------------------------------------------------------

    @Override
    public void onConnectionBound(Event e) {
        Transport transport = e.getTransport();
        Sasl sasl = transport.sasl();
        sasl.server();
        sasl.setMechanisms("MSSBCBS", "ANONYMOUS", "PLAIN");
        sasl.setListener(new SaslListener() {
            @Override
            public void onSaslMechanisms(Sasl s, Transport t) {
            }

            @Override
            public void onSaslInit(Sasl s, Transport t) {
                // Authentication happens on $cbs: every mechanism is accepted, no link works without a token.
                s.done(Sasl.SaslOutcome.PN_SASL_OK);
            }

            @Override
            public void onSaslChallenge(Sasl s, Transport t) {
            }

            @Override
            public void onSaslResponse(Sasl s, Transport t) {
            }

            @Override
            public void onSaslOutcome(Sasl s, Transport t) {
            }
        });
        e.getConnection().setContext(new ConnectionState());
    }

    @Override
    public void onConnectionRemoteOpen(Event e) {
        Connection c = e.getConnection();
        c.setContainer("unistore-servicebus-stand-in");
        c.open();
    }

    @Override
    public void onConnectionRemoteClose(Event e) {
        e.getConnection().close();
    }

    @Override
    public void onSessionRemoteOpen(Event e) {
        Session s = e.getSession();
        s.open();
    }

    @Override
    public void onSessionRemoteClose(Event e) {
        e.getSession().close();
    }

    @Override
    public void onConnectionFinal(Event e) {
        entitySenders.removeIf(s -> s.getSession().getConnection() == e.getConnection());
    }

    @Override
    public void onTransportClosed(Event e) {
        Connection c = e.getConnection();
        if (c != null) {
            entitySenders.removeIf(s -> s.getSession().getConnection() == c);
        }
    }

    // ---- links -------------------------------------------------------------------------------------

    private static String address(Link link) {
        String a = null;
        if (link instanceof Receiver && link.getRemoteTarget() instanceof Target t) {
            a = t.getAddress();
        } else if (link instanceof Sender && link.getRemoteSource() instanceof Source s) {
            a = s.getAddress();
        }
        if (a == null) {
            return "";
        }
        int scheme = a.indexOf("://");
        if (scheme >= 0) {
            int slash = a.indexOf('/', scheme + 3);
            a = slash < 0 ? "" : a.substring(slash + 1);
        }
        return a.startsWith("/") ? a.substring(1) : a;
    }

    static LinkRole role(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (lower.equals("$cbs")) {
            return new LinkRole(Kind.CBS, null, false);
        }
        Kind kind = Kind.ENTITY;
        String entity = address;
        if (lower.endsWith("/$management")) {
            kind = Kind.MANAGEMENT;
            entity = address.substring(0, address.length() - "/$management".length());
        }
        boolean deadLetter = entity.toLowerCase(Locale.ROOT).endsWith("/$deadletterqueue");
        if (deadLetter) {
            entity = entity.substring(0, entity.length() - "/$deadletterqueue".length());
        }
        return new LinkRole(kind, entity, deadLetter);
    }

    @Override
    public void onLinkRemoteOpen(Event e) {
        Link link = e.getLink();
        ConnectionState state = (ConnectionState) link.getSession().getConnection().getContext();
        link.setSource(link.getRemoteSource());
        link.setTarget(link.getRemoteTarget());
        link.setSenderSettleMode(link.getRemoteSenderSettleMode());
        link.setReceiverSettleMode(link.getRemoteReceiverSettleMode());
        LinkRole role = role(address(link));
        link.setContext(role);
        if (link instanceof Receiver) {
            link.setMaxMessageSize(UnsignedLong.valueOf(MAX_MESSAGE_BYTES));
        }
        if (role.kind() != Kind.CBS) {
            if (!state.authorized) {
                refuse(link, UNAUTHORIZED, "Unauthorized access: put a token on $cbs first.");
                return;
            }
            if (namespace.get(role.queue()) == null) {
                refuse(link, NOT_FOUND, "The messaging entity '" + role.queue() + "' could not be found.");
                return;
            }
        }
        link.open();
        if (link instanceof Receiver r) {
            r.flow(100);
        } else if (link instanceof Sender s) {
            if (role.kind() == Kind.ENTITY) {
                entitySenders.add(s);
            } else {
                // Clients name the reply link in reply-to by its target address (Java) or its name (Node).
                state.replyLinks.put(link.getName(), s);
                if (link.getRemoteTarget() instanceof Target t && t.getAddress() != null) {
                    state.replyLinks.put(t.getAddress(), s);
                }
            }
        }
    }

    private static void refuse(Link link, Symbol condition, String description) {
        // Attach, then detach with the error: how a broker refuses a link in AMQP 1.0.
        link.setSource(null);
        link.setTarget(null);
        link.open();
        link.setCondition(new ErrorCondition(condition, description));
        link.close();
    }

    @Override
    public void onLinkRemoteClose(Event e) {
        Link link = e.getLink();
        if (link instanceof Sender s) {
            entitySenders.remove(s);
        }
        if (link.getLocalState() != EndpointState.CLOSED) {
            link.close();
        }
    }

    @Override
    public void onLinkRemoteDetach(Event e) {
        onLinkRemoteClose(e);
    }

    @Override
    public void onLinkFlow(Event e) {
        if (e.getLink() instanceof Sender s && s.getContext() instanceof LinkRole r && r.kind() == Kind.ENTITY) {
            dispatch(s, Instant.now());
        }
    }

    /** Offers due messages to every receiver with credit: scheduled messages arrive, expired locks return. */
    void tick() {
        Instant now = Instant.now();
        for (Sender s : List.copyOf(entitySenders)) {
            if (s.getLocalState() == EndpointState.ACTIVE && s.getRemoteState() == EndpointState.ACTIVE) {
                dispatch(s, now);
            }
        }
    }

    private void dispatch(Sender sender, Instant now) {
        LinkRole role = (LinkRole) sender.getContext();
        SbQueue queue = namespace.get(role.queue());
        boolean peekLock = sender.getRemoteSenderSettleMode() != SenderSettleMode.SETTLED;
        while (queue != null && sender.getCredit() > 0) {
            SbMessage m = queue.takeNext(role.deadLetter(), peekLock, now);
            if (m == null) {
                break;
            }
            UUID tag = peekLock ? m.lockToken : UUID.randomUUID();
            Delivery d = sender.delivery(AmqpMessages.dotNetBytes(tag));
            byte[] bytes = AmqpMessages.forDelivery(m, peekLock);
            sender.send(bytes, 0, bytes.length);
            sender.advance();
            if (peekLock) {
                d.setContext(m.lockToken);
            } else {
                d.settle();
            }
        }
        if (sender.getDrain() && sender.getCredit() > 0) {
            sender.drained();
        }
    }

    // ---- deliveries --------------------------------------------------------------------------------

    @Override
    public void onDelivery(Event e) {
        Delivery d = e.getDelivery();
        if (d.getLink() instanceof Receiver r) {
            if (d.isReadable() && !d.isPartial()) {
                byte[] bytes = new byte[d.pending()];
                int n = r.recv(bytes, 0, bytes.length);
                r.advance();
                byte[] exact = n == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, Math.max(n, 0));
                received(r, d, exact);
                r.flow(1);
            }
        } else if (d.getLink() instanceof Sender s) {
            settled(s, d);
        }
    }

    private void received(Receiver link, Delivery d, byte[] bytes) {
        LinkRole role = (LinkRole) link.getContext();
        ConnectionState state = (ConnectionState) link.getSession().getConnection().getContext();
        Instant now = Instant.now();
        try {
            switch (role.kind()) {
                case CBS -> {
                    Message request = AmqpMessages.decode(bytes);
                    reply(state, request.getReplyTo(), putToken(state, request, now));
                }
                case MANAGEMENT -> {
                    Message request = AmqpMessages.decode(bytes);
                    reply(state, request.getReplyTo(), ManagementOps.handle(namespace.get(role.queue()),
                            role.deadLetter(), request, now));
                }
                case ENTITY -> {
                    SbQueue queue = namespace.get(role.queue());
                    if (queue == null) {
                        settle(d, rejected(NOT_FOUND, "The messaging entity '" + role.queue()
                                + "' could not be found."));
                        return;
                    }
                    if (bytes.length > MAX_MESSAGE_BYTES) {
                        settle(d, rejected(TOO_LARGE, "The message is larger than " + MAX_MESSAGE_BYTES + " bytes."));
                        return;
                    }
                    List<byte[]> messages = d.getMessageFormat() == AmqpMessages.BATCH_FORMAT
                            ? AmqpMessages.unbatch(bytes) : List.of(bytes);
                    for (byte[] one : messages) {
                        Message m = AmqpMessages.decode(one);
                        byte[] stored = one;
                        if (m.getMessageId() == null) {
                            // Service Bus gives a message sent without an id one (a GUID without hyphens).
                            m.setMessageId(UUID.randomUUID().toString().replace("-", ""));
                            stored = AmqpMessages.encode(m);
                        }
                        queue.enqueue(stored, String.valueOf(m.getMessageId()), ManagementOps.ttl(m),
                                ManagementOps.scheduledTime(m), now);
                    }
                }
                default -> throw new IllegalStateException("unknown link kind " + role.kind());
            }
            settle(d, Accepted.getInstance());
            tick();
        } catch (RuntimeException ex) {
            LOG.warn("Service Bus stand-in could not handle a message on {}", role, ex);
            settle(d, rejected(Symbol.valueOf("amqp:internal-error"), String.valueOf(ex.getMessage())));
        }
    }

    private Message putToken(ConnectionState state, Message request, Instant now) {
        Object token = request.getBody() instanceof AmqpValue v ? v.getValue() : null;
        String why = token instanceof String t ? tokens.check(t, now) : "the token is not a string";
        if (why != null) {
            return AmqpMessages.response(request.getMessageId(), 401, "Unauthorized: " + why,
                    "amqp:unauthorized-access", null);
        }
        state.authorized = true;
        return AmqpMessages.response(request.getMessageId(), 200, "OK", null, null);
    }

    private static void reply(ConnectionState state, String replyTo, Message response) {
        // Each client names its reply link's address in reply-to; answer on that link.
        Sender to = replyTo == null ? null : state.replyLinks.get(replyTo);
        if (to == null) {
            LOG.warn("Service Bus stand-in: no reply link for {}", replyTo);
            return;
        }
        byte[] bytes = AmqpMessages.encode(response);
        Delivery d = to.delivery(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        to.send(bytes, 0, bytes.length);
        to.advance();
        d.settle();
    }

    private static Rejected rejected(Symbol condition, String description) {
        Rejected r = new Rejected();
        r.setError(new ErrorCondition(condition, description));
        return r;
    }

    private static void settle(Delivery d, DeliveryState state) {
        d.disposition(state);
        d.settle();
    }

    /** A peek-lock receiver's outcome: complete, abandon, dead-letter; a lost lock answers message-lock-lost. */
    private void settled(Sender link, Delivery d) {
        if (d.isSettled() || !(d.getContext() instanceof UUID lockToken)) {
            return;
        }
        DeliveryState outcome = d.getRemoteState();
        if (outcome == null) {
            return;
        }
        LinkRole role = (LinkRole) link.getContext();
        SbQueue queue = namespace.get(role.queue());
        Instant now = Instant.now();
        boolean ok;
        if (queue == null) {
            ok = false;
        } else if (outcome instanceof Accepted) {
            ok = queue.complete(lockToken, now);
        } else if (outcome instanceof Rejected rejected) {
            String reason = null;
            String description = null;
            if (rejected.getError() != null && rejected.getError().getInfo() != null) {
                Map<?, ?> info = rejected.getError().getInfo();
                reason = str(info.get(Symbol.valueOf("DeadLetterReason")), info.get("DeadLetterReason"));
                description = str(info.get(Symbol.valueOf("DeadLetterErrorDescription")),
                        info.get("DeadLetterErrorDescription"));
            }
            ok = queue.deadLetter(lockToken, reason, description, now);
        } else if (outcome instanceof Modified modified && Boolean.TRUE.equals(modified.getUndeliverableHere())
                && !Boolean.TRUE.equals(modified.getDeliveryFailed())) {
            settle(d, rejected(Symbol.valueOf("amqp:not-implemented"), "The stand-in does not defer messages."));
            return;
        } else if (outcome instanceof Modified || outcome instanceof Released) {
            ok = queue.abandon(lockToken, outcome instanceof Modified, now);
        } else {
            ok = false;
        }
        if (ok) {
            // The same outcome, but a dead-letter's error condition is the request's, not a failure to report.
            settle(d, outcome instanceof Rejected ? new Rejected() : outcome);
            tick();
        } else {
            settle(d, rejected(LOCK_LOST, "The lock supplied is invalid. Either the lock expired, or the message "
                    + "has already been removed from the queue."));
        }
    }

    private static String str(Object a, Object b) {
        Object v = a != null ? a : b;
        return v == null ? null : String.valueOf(v);
    }
}
