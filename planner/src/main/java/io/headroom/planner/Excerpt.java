package io.headroom.planner;

/**
 * A short, printable excerpt of a value for an error message. A value comes from someone else's
 * file as often as not (a scenario run in CI, a trace it names), so a message quotes at most
 * {@value #MAX_CHARS} characters of it, with control and other unprintable characters shown as
 * {@code \\uXXXX}: a message never dumps a whole line of a file, nor lets a value rewrite the
 * terminal.
 */
public final class Excerpt {
    /** The most characters of a value a message quotes. */
    public static final int MAX_CHARS = 40;

    private Excerpt() {
    }

    /** {@code text} cut to {@value #MAX_CHARS} characters (then "…"), unprintable characters escaped. */
    public static String of(String text) {
        return of(text, MAX_CHARS);
    }

    /** {@code text} cut to {@code maxChars} characters (then "…"), unprintable characters escaped: for longer messages, a parser's. */
    public static String of(String text, int maxChars) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length(); i++) {
            if (shown == maxChars) {
                return out.append('…').toString();
            }
            char c = text.charAt(i);
            if (printable(c)) {
                out.append(c);
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
            shown++;
        }
        return out.toString();
    }

    /** {@code text} as {@link #of} gives it, in single quotes. */
    public static String quoted(String text) {
        return "'" + of(text) + "'";
    }

    /** Whether a message may show {@code c} as it is: not a control, format, surrogate or unassigned character. */
    public static boolean printable(char c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
            case Character.PRIVATE_USE:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
