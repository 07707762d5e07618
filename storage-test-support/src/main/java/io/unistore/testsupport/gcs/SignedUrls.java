package io.unistore.testsupport.gcs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * V4 signed URLs on the XML API path ({@code /BUCKET/OBJECT?X-Goog-Signature=...}). The stand-in checks what
 * Cloud Storage checks: the algorithm, the credential scope, that the URL has not expired (and was not
 * dated in the future), and the RSA-SHA256 signature of the canonical request — method, path, query, signed
 * headers — against the public key of a signer registered with {@link GcsStandIn#trustSigner}. Then it
 * serves GET/HEAD (download), PUT (upload) or DELETE.
 */
final class SignedUrls {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final GcsBackend backend;
    final Map<String, PublicKey> signers = new ConcurrentHashMap<>();

    SignedUrls(GcsBackend backend) {
        this.backend = backend;
    }

    static boolean isSigned(GcsRequest r) {
        return r.query.containsKey("X-Goog-Signature");
    }

    void handle(GcsRequest r) {
        verify(r);
        if (r.segments.size() < 2 || r.segments.get(0).isEmpty()) {
            throw GcsError.invalid("A signed URL must name a bucket and an object");
        }
        String bucket = r.segments.get(0);
        String name = String.join("/", r.segments.subList(1, r.segments.size()));
        switch (r.method) {
            case "GET", "HEAD" -> MediaDownload.serve(r, backend.get(bucket, name, null), r.method.equals("HEAD"));
            case "PUT" -> {
                ObjectAttrs attrs = ObjectAttrs.EMPTY.patch(GcsJson.MAPPER.createObjectNode()
                        .put("contentType", r.header("Content-Type")));
                ContentSink sink = new ContentSink(backend.newTempFile());
                try (var in = r.body()) {
                    sink.append(in, 0);
                    sink.close();
                    StoredObject o = backend.commit(bucket, name, sink.file(), sink.size(), sink.md5(), sink.crc32c(),
                            attrs, null, Preconditions.of(Map.of()));
                    r.setHeader("ETag", "\"" + o.etag() + "\"");
                    r.setHeader("X-Goog-Generation", Long.toString(o.generation()));
                    r.send(200, new byte[0]);
                } catch (java.io.IOException | RuntimeException e) {
                    sink.discard();
                    throw e instanceof RuntimeException re ? re : new java.io.UncheckedIOException((java.io.IOException) e);
                }
            }
            case "DELETE" -> {
                backend.delete(bucket, name, null, Preconditions.of(Map.of()));
                r.send(204, new byte[0]);
            }
            default -> throw new GcsError(405, "MethodNotAllowed", r.method + " is not allowed on a signed URL");
        }
    }

    private void verify(GcsRequest r) {
        Map<String, String> q = r.query;
        if (!"GOOG4-RSA-SHA256".equals(q.get("X-Goog-Algorithm"))) {
            throw new GcsError(400, "InvalidArgument", "Only GOOG4-RSA-SHA256 signed URLs are supported");
        }
        String credential = q.getOrDefault("X-Goog-Credential", "");
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[3].equals("storage") || !scope[4].equals("goog4_request")) {
            throw new GcsError(400, "AuthorizationQueryParametersError", "Invalid X-Goog-Credential");
        }
        Instant signedAt;
        long expires;
        try {
            signedAt = LocalDateTime.parse(q.getOrDefault("X-Goog-Date", ""), DATE).toInstant(ZoneOffset.UTC);
            expires = Long.parseLong(q.getOrDefault("X-Goog-Expires", ""));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new GcsError(400, "AuthorizationQueryParametersError", "Invalid X-Goog-Date or X-Goog-Expires");
        }
        if (expires < 1 || expires > MAX_EXPIRY.toSeconds()) {
            throw new GcsError(400, "AuthorizationQueryParametersError", "X-Goog-Expires must be 1 to 604800");
        }
        Instant now = Instant.now();
        if (signedAt.isAfter(now.plus(Duration.ofMinutes(15)))) {
            throw new GcsError(400, "AuthorizationQueryParametersError", "X-Goog-Date is in the future");
        }
        if (now.isAfter(signedAt.plusSeconds(expires))) {
            throw new GcsError(400, "ExpiredToken", "Invalid argument. Request has expired.");
        }
        PublicKey key = signers.get(scope[0]);
        if (key == null) {
            throw new GcsError(403, "AccessDenied", "Unknown signer " + scope[0]);
        }
        String stringToSign = "GOOG4-RSA-SHA256\n" + q.get("X-Goog-Date") + "\n"
                + String.join("/", List.of(scope).subList(1, 5)) + "\n" + sha256Hex(canonicalRequest(r));
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(HexFormat.of().parseHex(q.get("X-Goog-Signature")))) {
                throw signatureMismatch();
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw signatureMismatch();
        }
    }

    private static GcsError signatureMismatch() {
        return new GcsError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match "
                + "the signature you provided. Check your Google secret key and signing method.");
    }

    private static String canonicalRequest(GcsRequest r) {
        List<String> params = new ArrayList<>();
        for (String part : r.exchange.getRequestURI().getRawQuery().split("&")) {
            if (!part.startsWith("X-Goog-Signature=")) {
                params.add(part);
            }
        }
        params.sort((a, b) -> a.split("=", 2)[0].compareTo(b.split("=", 2)[0]));
        StringBuilder headers = new StringBuilder();
        String signedHeaders = r.query.getOrDefault("X-Goog-SignedHeaders", "");
        for (String h : signedHeaders.split(";")) {
            String value = r.header(h);
            headers.append(h.toLowerCase(Locale.ROOT)).append(':').append(value == null ? "" : value.trim())
                    .append('\n');
        }
        return r.method + "\n" + r.exchange.getRequestURI().getRawPath() + "\n" + String.join("&", params) + "\n"
                + headers + "\n" + signedHeaders + "\nUNSIGNED-PAYLOAD";
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The XML API's error document. */
    static byte[] xmlError(GcsError e) {
        String code = Character.isUpperCase(e.reason.charAt(0)) ? e.reason
                : switch (e.status) {
                    case 404 -> "NoSuchKey";
                    case 412 -> "PreconditionFailed";
                    case 416 -> "InvalidRange";
                    default -> "InvalidArgument";
                };
        return ("<?xml version='1.0' encoding='UTF-8'?><Error><Code>" + code + "</Code><Message>"
                + e.getMessage().replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
