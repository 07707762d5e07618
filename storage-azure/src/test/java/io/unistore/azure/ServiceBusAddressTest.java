package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.ProviderConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which addresses the Service Bus provider claims, what it reads from them, and what it never shows. */
class ServiceBusAddressTest {
    private static final String KEY = "c2VjcmV0LWtleS1vZi10aGUtbmFtZXNwYWNlLTEyMzQ1Ng==";
    private static final String CS = "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=Root;"
            + "SharedAccessKey=" + KEY;

    private static ServiceBusAddress parse(String address, Map<String, String> options) {
        return ServiceBusAddress.parse(new ProviderConfig(address, options));
    }

    @Test
    void claimsServiceBusAddressesAndAzureStorageDoesNot() {
        ServiceBusProvider sb = new ServiceBusProvider();
        AzureProvider storage = new AzureProvider();
        for (String a : new String[] {CS, "sb://shop.servicebus.windows.net", "shop.servicebus.windows.net",
                "Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true",
                "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessSignature=SharedAccessSignature sr=x"}) {
            assertThat(sb.accepts(a)).as(a).isTrue();
            assertThat(storage.accepts(a)).as(a).isFalse();
        }
        assertThat(sb.accepts("UseDevelopmentStorage=true")).isFalse();
        assertThat(sb.accepts("https://acct.blob.core.windows.net")).isFalse();
        assertThat(sb.accepts(null)).isFalse();
    }

    @Test
    void readsConnectionStringsAndNamespaces() {
        ServiceBusAddress a = parse(CS, Map.of());
        assertThat(a.host()).isEqualTo("shop.servicebus.windows.net");
        assertThat(a.emulator()).isFalse();
        assertThat(a.toString()).doesNotContain(KEY).contains("shop.servicebus.windows.net");
        ServiceBusAddress e = parse("Endpoint=sb://127.0.0.1:5673;SharedAccessKeyName=k;SharedAccessKey=v;"
                + "UseDevelopmentEmulator=true", Map.of("administrationEndpoint", "http://127.0.0.1:5300/"));
        assertThat(e.emulator()).isTrue();
        assertThat(e.port()).isEqualTo(5673);
        assertThat(e.administrationEndpoint()).isEqualTo("http://127.0.0.1:5300");
        ServiceBusAddress entra = parse("sb://shop.servicebus.windows.net/", Map.of());
        assertThat(entra.connectionString()).isNull();
        assertThat(entra.describe()).contains("ENTRA_ID");
    }

    @Test
    void badAddressesNameTheFieldAndHideTheKey() {
        for (String bad : new String[] {CS + ";EntityPath=orders", "Endpoint=sb://shop.servicebus.windows.net/",
                "Endpoint=https://shop.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=" + KEY,
                "Endpoint=sb://;SharedAccessKeyName=k;SharedAccessKey=" + KEY}) {
            assertThatThrownBy(() -> parse(bad, Map.of())).isInstanceOfSatisfying(StorageException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                assertThat(e.getMessage()).startsWith("address").doesNotContain(KEY);
            });
        }
        assertThatThrownBy(() -> parse(CS, Map.of("administrationEndpoint", "ftp://x")))
                .hasMessageStartingWith("administrationEndpoint");
    }
}
