package org.jpegmt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Just enough JSON output for {@code --json}: ordered objects, arrays, strings, numbers, booleans, null. */
final class Json {
    private Json() {
    }

    /** A JSON object that keeps its keys in insertion order. */
    static final class Obj {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Obj put(String key, Object value) {
            fields.put(key, value);
            return this;
        }
    }

    /** @return {@code values} as a list a JSON writer prints as an array */
    static List<Object> array(Iterable<?> values) {
        List<Object> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    /** Writes a value indented by two spaces a level. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(sb, s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            sb.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0") : "null");
        } else if (value instanceof int[] ints) {
            sb.append('[');
            for (int i = 0; i < ints.length; i++) {
                sb.append(i == 0 ? "" : ",").append(ints[i]);
            }
            sb.append(']');
        } else if (value instanceof Obj obj) {
            if (obj.fields.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : obj.fields.entrySet()) {
                indent(sb, depth + 1);
                quote(sb, e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), depth + 1);
                sb.append(++i < obj.fields.size() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                indent(sb, depth + 1);
                write(sb, list.get(i), depth + 1);
                sb.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append(']');
        } else {
            quote(sb, value.toString());
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
