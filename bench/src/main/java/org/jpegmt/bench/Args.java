package org.jpegmt.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal {@code --name value} command-line parsing for the bench tools (repeatable {@code -p}). */
final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> params = new ArrayList<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-p") && i + 1 < args.length) {
                params.add(args[++i]);
            } else if (a.startsWith("--") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(a.substring(2), args[++i]);
            } else if (a.startsWith("--")) {
                values.put(a.substring(2), "true");
            } else {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
        }
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int getInt(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    boolean quick() {
        return get("mode", "full").equals("quick");
    }

    /** @return {@code -p name=v1,v2} overrides, in order */
    List<String> params() {
        return params;
    }
}
