package org.smartketing.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, numbered from 0, with the total so pages can show "21–40 of 134".
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public long firstNumber() {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    public long lastNumber() {
        return (long) page * size + items.size();
    }

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** A page request clamped to sane bounds, whatever the URL said. */
    public record Request(int page, int size) {

        public static Request of(Integer page, Integer size) {
            int p = page == null || page < 0 ? 0 : page;
            int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
            return new Request(p, s);
        }

        public long offset() {
            return (long) page * size;
        }
    }
}
