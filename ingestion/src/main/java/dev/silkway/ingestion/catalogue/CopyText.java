package dev.silkway.ingestion.catalogue;

import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. Public for the
 * ingest benchmark, whose limit COPYs the same rows.
 */
public final class CopyText {

    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean rowStarted;

    public CopyText col(@Nullable Object value) {
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

    /** A {@code text[]} column: an array literal with every element quoted, escaped once more for COPY. */
    public CopyText array(List<String> values) {
        StringBuilder literal = new StringBuilder(2 + values.size() * 48).append('{');
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\', '"' -> literal.append('\\').append(c);
                    case '\0' -> literal.append("\\\\u0000"); // as in col(): the text \u0000
                    default -> literal.append(c);
                }
            }
            literal.append('"');
        }
        return col(literal.append('}'));
    }

    public CopyText endRow() {
        out.append('\n');
        rowStarted = false;
        return this;
    }

    public boolean isEmpty() {
        return out.isEmpty();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
