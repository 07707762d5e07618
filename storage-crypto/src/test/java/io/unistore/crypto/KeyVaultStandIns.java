package io.unistore.crypto;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.unistore.testsupport.azurefiles.LoopbackRedirectPolicy;
import io.unistore.testsupport.keyvault.KeyVaultStandIn;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;
import reactor.core.publisher.Mono;

/**
 * How tests point the Key Vault SDK at the stand-in: clients on its vault URL (so the SDK's challenge check sees a
 * real vault domain), a per-retry policy sending each request to 127.0.0.1, an HTTP client trusting only the
 * stand-in's throwaway certificate, and a static credential holding a token the stand-in issued (the scopes the
 * SDK asked for are kept, to check it asked for Key Vault's).
 */
final class KeyVaultStandIns {
    final KeyVaultStandIn vault;
    final List<String> scopesAsked = new CopyOnWriteArrayList<>();
    private final HttpClient http;

    KeyVaultStandIns(KeyVaultStandIn vault) {
        this.vault = vault;
        this.http = trustingHttpClient(vault);
    }

    /** Completes a source's builder for the stand-in. */
    KeyVaultKeySource.Builder configure(KeyVaultKeySource.Builder b) {
        return b.credential(credential()).httpClient(http)
                .addPolicy(LoopbackRedirectPolicy.to(vault.vaultHost(), "https", vault.port()));
    }

    /** A static credential answering with a token the stand-in accepts. */
    TokenCredential credential() {
        return request -> {
            scopesAsked.addAll(request.getScopes());
            return Mono.just(new AccessToken(vault.accessToken(), OffsetDateTime.now().plusHours(1)));
        };
    }

    HttpClient http() {
        return http;
    }

    static HttpClient trustingHttpClient(KeyVaultStandIn vault) {
        SslContext ssl;
        try {
            ssl = SslContextBuilder.forClient().trustManager(vault.tls().trustManagers()).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
        return new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(ssl))).build();
    }
}
