package io.unistore.testsupport.servicebus;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The administration REST API of queues (Atom XML, as {@code ServiceBusAdministrationClient} calls it):
 * {@code PUT /<queue>} creates (409 if it exists) or, with {@code If-Match}, updates; {@code GET /<queue>} reads
 * the description with its counts (a missing queue is an empty feed, as Service Bus answers);
 * {@code DELETE /<queue>}; {@code GET /$Resources/queues?$skip=&$top=} lists with a {@code next} link. Every call
 * needs a valid shared access signature in {@code Authorization}.
 */
final class AtomAdmin {
    /** The maximum duration as Service Bus writes it (.NET's TimeSpan.MaxValue): "never". */
    static final String MAX_DURATION = "P10675199DT2H48M5.4775807S";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SB = "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect";

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {
    }

    private final SbNamespace namespace;
    private final SasTokens tokens;
    private final String host;

    AtomAdmin(SbNamespace namespace, SasTokens tokens, String host) {
        this.namespace = namespace;
        this.tokens = tokens;
        this.host = host;
    }

    Answer handle(String method, String path, Map<String, String> query, String authorization, String ifMatch,
                  byte[] body) {
        Instant now = Instant.now();
        String why = tokens.check(authorization, now);
        if (why != null) {
            return error(401, "Unauthorized: " + why);
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (name.equalsIgnoreCase("$Resources/queues") && method.equals("GET")) {
            return list(query, now);
        }
        if (name.isEmpty() || name.contains("/") || name.startsWith("$")) {
            return error(400, "Unsupported path " + path);
        }
        return switch (method) {
            case "GET" -> {
                SbQueue q = namespace.get(name);
                yield q == null ? new Answer(200, "application/atom+xml;type=feed;charset=utf-8", emptyFeed(name, now))
                        : entry(q, now);
            }
            case "PUT" -> put(name, ifMatch != null, body, now);
            case "DELETE" -> namespace.delete(name) ? new Answer(200, "application/xml", "")
                    : error(404, "Entity '" + name + "' was not found.");
            default -> error(405, "Method not allowed");
        };
    }

    private Answer put(String name, boolean update, byte[] body, Instant now) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            return error(400, "The request body is not a queue description: " + e.getMessage());
        }
        if (doc.getElementsByTagNameNS(SB, "QueueDescription").getLength() == 0) {
            return error(400, "The request body has no QueueDescription.");
        }
        SbQueue q;
        if (update) {
            q = namespace.get(name);
            if (q == null) {
                return error(404, "Entity '" + name + "' was not found.");
            }
        } else {
            q = namespace.create(name, now);
            if (q == null) {
                return error(409, "SubCode=40900. Conflict. The entity '" + name + "' already exists.");
            }
        }
        try {
            synchronized (q) {
                String lock = text(doc, "LockDuration");
                if (lock != null) {
                    Duration d = Duration.parse(lock);
                    if (d.compareTo(Duration.ofSeconds(5)) < 0 || d.compareTo(Duration.ofMinutes(5)) > 0) {
                        throw new IllegalArgumentException("LockDuration must be between 5 seconds and 5 minutes");
                    }
                    q.lockDuration = d;
                }
                String max = text(doc, "MaxDeliveryCount");
                if (max != null) {
                    q.maxDeliveryCount = Integer.parseInt(max);
                }
                String ttl = text(doc, "DefaultMessageTimeToLive");
                if (ttl != null) {
                    q.defaultTimeToLive = ttl.equals(MAX_DURATION) ? null : Duration.parse(ttl);
                }
                String dl = text(doc, "DeadLetteringOnMessageExpiration");
                if (dl != null) {
                    q.deadLetteringOnMessageExpiration = Boolean.parseBoolean(dl);
                }
                String meta = text(doc, "UserMetadata");
                if (meta != null && meta.length() > 1024) {
                    throw new IllegalArgumentException("UserMetadata is longer than 1024 characters");
                }
                q.userMetadata = meta;
                q.updatedAt = now;
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            if (!update) {
                namespace.delete(name);
            }
            return error(400, "SubCode=40000. Bad Request. " + e.getMessage());
        }
        Answer entry = entry(q, now);
        return new Answer(update ? 200 : 201, entry.contentType(), entry.body());
    }

    private static String text(Document doc, String element) {
        NodeList nodes = doc.getElementsByTagNameNS(SB, element);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private Answer list(Map<String, String> query, Instant now) {
        int skip = parse(query.get("$skip"), 0);
        int top = parse(query.get("$top"), 100);
        List<SbQueue> all = namespace.list();
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"" + ATOM
                + "\"><title type=\"text\">Queues</title><id>https://" + host + "/$Resources/queues</id><updated>"
                + now + "</updated>");
        if (skip + top < all.size()) {
            feed.append("<link rel=\"next\" href=\"https://").append(host).append("/$Resources/queues?%24skip=")
                    .append(skip + top).append("&amp;%24top=").append(top).append("&amp;api-version=2021-05\"/>");
        }
        for (SbQueue q : all.subList(Math.min(skip, all.size()), Math.min(skip + top, all.size()))) {
            feed.append(entryXml(q, now, false));
        }
        feed.append("</feed>");
        return new Answer(200, "application/atom+xml;type=feed;charset=utf-8", feed.toString());
    }

    private static int parse(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Answer entry(SbQueue q, Instant now) {
        return new Answer(200, "application/atom+xml;type=entry;charset=utf-8",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + entryXml(q, now, true));
    }

    private String entryXml(SbQueue q, Instant now, boolean root) {
        long[] counts = q.counts(now);
        String ttl;
        Duration lock;
        int maxDeliveries;
        boolean dlOnExpiry;
        String meta;
        synchronized (q) {
            ttl = q.defaultTimeToLive == null ? MAX_DURATION : q.defaultTimeToLive.toString();
            lock = q.lockDuration;
            maxDeliveries = q.maxDeliveryCount;
            dlOnExpiry = q.deadLetteringOnMessageExpiration;
            meta = q.userMetadata;
        }
        String url = "https://" + host + "/" + q.name + "?api-version=2021-05";
        return "<entry" + (root ? " xmlns=\"" + ATOM + "\"" : "") + "><id>" + esc(url) + "</id><title type=\"text\">"
                + esc(q.name) + "</title><published>" + q.createdAt + "</published><updated>" + q.updatedAt
                + "</updated><author><name>stand-in</name></author><link rel=\"self\" href=\"" + esc(url) + "\"/>"
                + "<content type=\"application/xml\"><QueueDescription xmlns=\"" + SB + "\" "
                + "xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<LockDuration>" + lock + "</LockDuration><MaxSizeInMegabytes>1024</MaxSizeInMegabytes>"
                + "<RequiresDuplicateDetection>false</RequiresDuplicateDetection><RequiresSession>false</RequiresSession>"
                + "<DefaultMessageTimeToLive>" + ttl + "</DefaultMessageTimeToLive>"
                + "<DeadLetteringOnMessageExpiration>" + dlOnExpiry + "</DeadLetteringOnMessageExpiration>"
                + "<DuplicateDetectionHistoryTimeWindow>PT10M</DuplicateDetectionHistoryTimeWindow>"
                + "<MaxDeliveryCount>" + maxDeliveries + "</MaxDeliveryCount>"
                + "<EnableBatchedOperations>true</EnableBatchedOperations>"
                + "<SizeInBytes>" + counts[3] + "</SizeInBytes>"
                + "<MessageCount>" + (counts[0] + counts[1] + counts[2]) + "</MessageCount>"
                + "<IsAnonymousAccessible>false</IsAnonymousAccessible><AuthorizationRules/><Status>Active</Status>"
                + (meta == null ? "" : "<UserMetadata>" + esc(meta) + "</UserMetadata>")
                + "<CreatedAt>" + q.createdAt + "</CreatedAt><UpdatedAt>" + q.updatedAt + "</UpdatedAt>"
                + "<AccessedAt>" + now + "</AccessedAt><SupportOrdering>true</SupportOrdering>"
                + "<CountDetails xmlns:d2p1=\"http://schemas.microsoft.com/netservices/2011/06/servicebus\">"
                + "<d2p1:ActiveMessageCount>" + counts[0] + "</d2p1:ActiveMessageCount>"
                + "<d2p1:DeadLetterMessageCount>" + counts[2] + "</d2p1:DeadLetterMessageCount>"
                + "<d2p1:ScheduledMessageCount>" + counts[1] + "</d2p1:ScheduledMessageCount>"
                + "<d2p1:TransferMessageCount>0</d2p1:TransferMessageCount>"
                + "<d2p1:TransferDeadLetterMessageCount>0</d2p1:TransferDeadLetterMessageCount></CountDetails>"
                + "<AutoDeleteOnIdle>" + MAX_DURATION + "</AutoDeleteOnIdle><EnablePartitioning>false</EnablePartitioning>"
                + "<EntityAvailabilityStatus>Available</EntityAvailabilityStatus><EnableExpress>false</EnableExpress>"
                + "<MaxMessageSizeInKilobytes>256</MaxMessageSizeInKilobytes>"
                + "</QueueDescription></content></entry>";
    }

    private String emptyFeed(String name, Instant now) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"" + ATOM + "\"><title type=\"text\">"
                + "Publicly Listed Services</title><subtitle type=\"text\">This is the list of publicly-listed "
                + "services currently available.</subtitle><id>uuid:" + java.util.UUID.randomUUID()
                + "</id><updated>" + now + "</updated><generator>Service Bus 1.1</generator></feed>";
    }

    private static Answer error(int status, String detail) {
        return new Answer(status, "application/xml; charset=utf-8",
                "<Error><Code>" + status + "</Code><Detail>" + esc(detail) + "</Detail></Error>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
