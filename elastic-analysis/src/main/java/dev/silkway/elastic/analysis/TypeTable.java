package dev.silkway.elastic.analysis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;

/**
 * A word delimiter type table from rules such as {@code "$ => DIGIT"} or {@code "\\u200D => ALPHANUM"}:
 * each rule gives one character one of Lucene's types.
 */
final class TypeTable {

    // Lucene's character type bits (WordDelimiterIterator keeps LOWER, UPPER, DIGIT and SUBWORD_DELIM package-private).
    private static final byte LOWER = 0x01;
    private static final byte UPPER = 0x02;
    private static final byte DIGIT = 0x04;
    private static final byte SUBWORD_DELIM = 0x08;
    private static final Map<String, Byte> TYPES = Map.of(
            "LOWER", LOWER,
            "UPPER", UPPER,
            "ALPHA", (byte) WordDelimiterIterator.ALPHA,
            "DIGIT", DIGIT,
            "ALPHANUM", (byte) WordDelimiterIterator.ALPHANUM,
            "SUBWORD_DELIM", SUBWORD_DELIM);
    private static final Pattern RULE = Pattern.compile("(.*)\\s*=>\\s*(.*)\\s*$");

    private TypeTable() {}

    static byte[] parse(List<String> rules) {
        TreeMap<Character, Byte> types = new TreeMap<>();
        for (String rule : rules) {
            Matcher m = RULE.matcher(rule);
            if (!m.find()) {
                throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]");
            }
            String lhs = Escapes.unescape(m.group(1).trim());
            Byte type = TYPES.get(m.group(2).trim());
            if (lhs.length() != 1 || type == null) {
                throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]. Illegal mapping.");
            }
            types.put(lhs.charAt(0), type);
        }
        byte[] defaults = WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE;
        int size = types.isEmpty() ? defaults.length : Math.max(types.lastKey() + 1, defaults.length);
        byte[] table = new byte[size];
        System.arraycopy(defaults, 0, table, 0, defaults.length);
        for (int c = defaults.length; c < size; c++) {
            table[c] = WordDelimiterIterator.getType(c);
        }
        types.forEach((c, type) -> table[c] = type);
        return table;
    }
}
