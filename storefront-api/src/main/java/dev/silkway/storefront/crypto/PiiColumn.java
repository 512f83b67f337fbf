package dev.silkway.storefront.crypto;

/** A column holding personal-data envelopes: part of each envelope's additional data, with the row id. */
public record PiiColumn(String table, String column) {

    public PiiColumn {
        if (!table.matches("^[a-z_]+$") || !column.matches("^[a-z_]+_enc$")) {
            throw new IllegalArgumentException("not a personal-data column: " + table + "." + column);
        }
    }

    public static PiiColumn of(String table, String column) {
        return new PiiColumn(table, column);
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
