package dev.silkway.ingestion.catalogue;

import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {

    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean rowStarted;

    CopyText col(@Nullable Object value) {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            out.append("\\N");
            return this;
        }
        if (value instanceof byte[] bytes) {
            out.append("\\\\x").append(HexFormat.of().formatHex(bytes));
            return this;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\\\u0000"); // PostgreSQL text cannot hold NUL
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyText endRow() {
        out.append('\n');
        rowStarted = false;
        return this;
    }

    boolean isEmpty() {
        return out.isEmpty();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
