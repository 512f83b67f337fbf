package dev.silkway.ingestion.marketplace.common;

/** One page to fetch: {@code page} starts at 1, {@code size} is the number of items asked for. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 1) {
            throw new IllegalArgumentException("page starts at 1, got " + page);
        }
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + size);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(1, size);
    }

    public PageRequest next() {
        return new PageRequest(page + 1, size);
    }

    /** Zero-based index of the first item of this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
