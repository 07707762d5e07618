package io.unistore.mcp;

import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageAccount;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one shape of list-containers, list-tables, list-queues and list-file-shares: a prefix, a page, the
 * names the account's policy allows, and the token of the next page.
 */
final class NameListing {
    private NameListing() {
    }

    static <T> McpTool tool(String name, Capability store, String title, String plural, Map<String, Object> item,
                            NameKind kind, BiFunction<StorageAccount, ListOptions, PagedIterable<T>> list,
                            Function<T, String> nameOf, Function<T, Map<String, Object>> shape) {
        return McpTool.builder(name).requires(store).title(title).readOnly()
                .description("List the " + plural + " of an account in name order, one page at a time (only those "
                        + "the account's policy allows). Pass the returned continuationToken to get the next page.")
                .input(ToolSchema.object().optional("prefix", Args.PREFIX).optional("pageSize", Args.PAGE_SIZE)
                        .optional("continuationToken", Args.CONTINUATION).build())
                .output(Shapes.pageSchema(kind.configKey, plural + " of this page", item))
                .handler(call -> {
                    ToolInvocation invocation = (ToolInvocation) call;
                    Page<T> page = BoundedPage.fetch(Args.pageSize(call), call.maxInlineBytes(),
                            n -> list.apply(call.account(), ListOptions.builder().prefix(call.optionalString("prefix"))
                                    .pageSize(n).continuationToken(call.optionalString("continuationToken")).build()).firstPage(),
                            i -> invocation.visible(kind, nameOf.apply(i)) ? shape.apply(i) : null, kind.singular,
                            "list fewer at a time");
                    return Out.of().put(kind.configKey, page.items().stream()
                                    .filter(i -> invocation.visible(kind, nameOf.apply(i))).map(shape).toList())
                            .put("continuationToken", page.continuationToken()).build();
                }).build();
    }
}
