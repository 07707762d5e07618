package io.unistore.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.blob.TaggedBlob;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the observing layer records of a search by tags, the one blob call that may name no container. */
class ObservedBlobsTest {
    private final List<StoreCall> calls = new ArrayList<>();
    private final BlobBackend inner = (BlobBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BlobBackend.class}, (proxy, method, args) -> {
                if (!method.getName().equals("findBlobsByTags")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                String container = args[0] == null ? "c" : (String) args[0];
                return PagedIterable.of((token, size) -> Page.last(List.of(new TaggedBlob(container, "b",
                        Map.of("k", "v")))), null, 10);
            });
    private final BlobBackend observed = new ObservedBlobs(inner, call -> {
        calls.add(call);
        return new CallObserver.Scope() {
            @Override
            public void end(Throwable failure) {
            }
        };
    });

    @Test
    void anAccountWideSearchIsObservedWithoutATarget() {
        assertThat(observed.findBlobsByTags(null, "\"k\" = 'v'", ListOptions.defaults()))
                .containsExactly(new TaggedBlob("c", "b", Map.of("k", "v")));
        assertThat(calls).extracting(StoreCall::operation, StoreCall::targets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("findBlobsByTags", List.of()));
    }

    @Test
    void aSearchInAContainerNamesIt() {
        assertThat(observed.findBlobsByTags("box", "\"k\" = 'v'", ListOptions.defaults())).hasSize(1);
        assertThat(calls).extracting(StoreCall::targets).containsExactly(List.of("box"));
    }
}
