package org.jpegmt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict little JSON reader for the tests: objects become maps, arrays lists, numbers doubles. */
final class MiniJson {
    private final String s;
    private int p;

    private MiniJson(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        MiniJson j = new MiniJson(text);
        Object v = j.value();
        j.ws();
        if (j.p != text.length()) {
            throw new IllegalArgumentException("trailing text at " + j.p);
        }
        return v;
    }

    private void ws() {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
    }

    private void expect(char c) {
        ws();
        if (p >= s.length() || s.charAt(p) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + p);
        }
        p++;
    }

    private Object value() {
        ws();
        char c = s.charAt(p);
        if (c == '{') {
            Map<String, Object> m = new LinkedHashMap<>();
            p++;
            ws();
            if (s.charAt(p) == '}') {
                p++;
                return m;
            }
            do {
                ws();
                String key = string();
                expect(':');
                m.put(key, value());
                ws();
            } while (s.charAt(p++) == ',');
            if (s.charAt(p - 1) != '}') {
                throw new IllegalArgumentException("expected '}' at " + (p - 1));
            }
            return m;
        }
        if (c == '[') {
            List<Object> l = new ArrayList<>();
            p++;
            ws();
            if (s.charAt(p) == ']') {
                p++;
                return l;
            }
            do {
                l.add(value());
                ws();
            } while (s.charAt(p++) == ',');
            if (s.charAt(p - 1) != ']') {
                throw new IllegalArgumentException("expected ']' at " + (p - 1));
            }
            return l;
        }
        if (c == '"') {
            return string();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, p)) {
                p += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = p;
        while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) {
            p++;
        }
        return Double.parseDouble(s.substring(start, p));
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (s.charAt(p) != '"') {
            char c = s.charAt(p++);
            if (c == '\\') {
                char e = s.charAt(p++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
                        p += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        p++;
        return sb.toString();
    }
}
