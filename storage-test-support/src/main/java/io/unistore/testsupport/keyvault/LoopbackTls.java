package io.unistore.testsupport.keyvault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway TLS identity for a stand-in on 127.0.0.1: a self-signed RSA certificate for {@code IP:127.0.0.1} and
 * {@code localhost}, made by the JDK's own {@code keytool} (the JDK has no public API to issue a certificate, and
 * no library is needed for one), valid two days, in a temporary PKCS#12 file removed at once. Clients trust it
 * through {@link #clientContext()}, {@link #trustManagers()} or {@link #certificatePem()} (Node's {@code ca}).
 */
public final class LoopbackTls {
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);

    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final TrustManagerFactory trust;
    private final X509Certificate certificate;

    private LoopbackTls(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        this.certificate = (X509Certificate) store.getCertificate("stand-in");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try {
            trusted.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        trusted.setCertificateEntry("stand-in", certificate);
        this.trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        this.serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, new SecureRandom());
        this.clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), new SecureRandom());
    }

    /** A fresh identity (about a second: keytool generates a 2048-bit RSA key). */
    public static LoopbackTls create() {
        char[] password = UUID.randomUUID().toString().toCharArray();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("unistore-tls-");
            Path file = dir.resolve("stand-in.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "stand-in",
                    "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(password), "-keypass", new String(password), "-noprompt"))
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(KEYTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + new String(out));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            return new LoopbackTls(store, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a TLS certificate for the stand-in", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the stand-in's TLS certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a TLS certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The server side: the key and certificate. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** A client context trusting this certificate only. */
    public SSLContext clientContext() {
        return clientContext;
    }

    /** Trust managers trusting this certificate only (for clients built on their own TLS stack, e.g. Netty). */
    public TrustManagerFactory trustManagers() {
        return trust;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM, for clients that take a CA bundle (Node's {@code ca}, {@code NODE_EXTRA_CA_CERTS}). */
    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A temporary file left behind holds only a throwaway key.
        }
    }
}
