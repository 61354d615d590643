package io.headroom.planner.scenario;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Node.Field;
import io.headroom.planner.scenario.Node.MapNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites one key of a YAML scenario's {@code service} section in place (what {@code headroom
 * calibrate --write} does), keeping every other line, comment and the key order: the key's value is
 * replaced where it is written — a scalar or a flow map on the key's line, or the block below the
 * key — or, when the key is absent, it is added as the section's first key. The new value is a YAML
 * flow value, e.g. {@code {distribution: lognormal, mean: 80ms, cv: 0.5}}. The caller reloads the
 * result to validate it.
 */
public final class ScenarioEdit {
    private ScenarioEdit() {
    }

    /** The text of {@code scenario} with {@code service.<key>} set to {@code flowValue}. */
    public static String setServiceKey(Path scenario, String key, String flowValue) {
        String name = scenario.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new InvalidInputException("--write needs a YAML scenario (.yaml, .yml) but was " + scenario);
        }
        Node root = NodeReader.read(scenario, "scenario file");
        String text = new SideFile(scenario, scenario.toString()).text();
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        MapNode rootMap = Section.asMap(root, "");
        Field service = rootMap.fields().get("service");
        if (service == null || !(service.value() instanceof MapNode serviceMap)) {
            throw new InvalidInputException("--write needs the scenario's service section as a map, but " + scenario
                    + " has " + (service == null ? "none" : service.value().describe()) + " (" + rootMap.location() + ")");
        }
        boolean flow = serviceMap.location().line() == service.keyLocation().line();
        Field field = serviceMap.fields().get(key);
        if (field == null) {
            if (flow) {
                int line = serviceMap.location().line() - 1;
                int brace = serviceMap.location().column() - 1;
                String l = lines.get(line);
                lines.set(line, l.substring(0, brace + 1) + key + ": " + flowValue + ", " + l.substring(brace + 1));
            } else {
                Field first = serviceMap.fields().values().iterator().next();
                String indent = " ".repeat(first.keyLocation().column() - 1);
                lines.add(service.keyLocation().line(), indent + key + ": " + flowValue);
            }
            return String.join("\n", lines);
        }
        int keyLine = field.keyLocation().line() - 1;
        Node value = field.value();
        if (value.location().line() - 1 == keyLine) {
            String l = lines.get(keyLine);
            int start = value.location().column() - 1;
            int end = valueEnd(l, start, flow);
            lines.set(keyLine, l.substring(0, start) + flowValue + l.substring(end));
            return String.join("\n", lines);
        }
        int keyIndent = field.keyLocation().column() - 1;
        int next = keyLine + 1;
        while (next < lines.size()) {
            String l = lines.get(next);
            String stripped = l.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#") && indentOf(l) <= keyIndent) {
                break;
            }
            next++;
        }
        String head = lines.get(keyLine);
        int colon = head.indexOf(':', keyIndent + key.length());
        lines.set(keyLine, head.substring(0, colon + 1) + " " + flowValue);
        lines.subList(keyLine + 1, next).clear();
        return String.join("\n", lines);
    }

    /** Where the value starting at {@code start} of {@code line} ends: its closing bracket, or before a comment, comma or the line's end. */
    private static int valueEnd(String line, int start, boolean inFlow) {
        int depth = 0;
        char quote = 0;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (depth == 0 && (c == ',' && inFlow || c == '#' && i > 0 && line.charAt(i - 1) == ' ')) {
                return c == '#' ? trimEnd(line, i) : i;
            }
        }
        return trimEnd(line, line.length());
    }

    private static int trimEnd(String line, int end) {
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
