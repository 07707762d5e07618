package io.unistore.table;

import io.unistore.StorageException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deep a {@link Filter} nests, measured without recursion, and the refusal of one deeper than
 * {@link Filter#MAX_DEPTH}: every consumer (the in-memory evaluator, the OData and SQL translations) recurses
 * once per level, so an unbounded tree is an unbounded stack.
 */
final class FilterDepth {
    private FilterDepth() {
    }

    /** The number of levels: 1 for a comparison, one more for each and, or, not above it. */
    static int of(Filter filter) {
        record Level(Filter filter, int depth) {
        }
        Deque<Level> todo = new ArrayDeque<>();
        todo.push(new Level(filter, 1));
        int deepest = 0;
        while (!todo.isEmpty()) {
            Level l = todo.pop();
            deepest = Math.max(deepest, l.depth());
            if (deepest > Filter.MAX_DEPTH) {
                return deepest; // deep enough to refuse: no need to walk the rest
            }
            Filter f = l.filter();
            if (f instanceof Filter.And a) {
                todo.push(new Level(a.left(), l.depth() + 1));
                todo.push(new Level(a.right(), l.depth() + 1));
            } else if (f instanceof Filter.Or o) {
                todo.push(new Level(o.left(), l.depth() + 1));
                todo.push(new Level(o.right(), l.depth() + 1));
            } else if (f instanceof Filter.Not n) {
                todo.push(new Level(n.operand(), l.depth() + 1));
            }
        }
        return deepest;
    }

    /**
     * Returns the filter, or throws when it nests deeper than the limit.
     *
     * @throws StorageException INVALID_ARGUMENT naming the limit
     */
    static Filter check(Filter filter) {
        if (filter != null && of(filter) > Filter.MAX_DEPTH) {
            throw tooDeep();
        }
        return filter;
    }

    static StorageException tooDeep() {
        return StorageException.invalidArgument("filter", "nests deeper than the limit of " + Filter.MAX_DEPTH
                + " levels (Filter.MAX_DEPTH: parentheses, not, and, or); write it with fewer levels");
    }
}
