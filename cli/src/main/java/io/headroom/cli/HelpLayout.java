package io.headroom.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Every {@code --help} wrapped once, at spaces only. picocli wraps help text with a line
 * {@link java.text.BreakIterator}, which also breaks after {@code :} and {@code .}, so URLs
 * ({@code http://127.0.0.1:} / {@code 8080/score}), file names ({@code summary.} / {@code json}) and
 * option values ({@code --header=NAME:} / {@code VALUE]...}) were split. Here picocli lays the
 * sections out on one very wide line each, and this class wraps them to {@link #WIDTH} columns at
 * spaces: a long URL or example stays whole (on a line of its own if need be), and an option stays
 * on the line of the word after it (its value, as in {@code --out out/review}).
 *
 * <p>So descriptions are written as single logical lines in the source, one array element per
 * paragraph. Lines that start with a space (formulas, tables, examples in footers) are laid out by
 * hand and kept as they are, so an example is always one copy-pasteable line.
 */
final class HelpLayout {
    /** Columns of a help screen. */
    static final int WIDTH = 80;
    /** How wide picocli may lay a section out before it is wrapped here: never reached. */
    private static final int UNWRAPPED = 10_000;
    /** picocli's synopsis heading, which precedes the synopsis on its first line. */
    private static final String HEADING = "Usage: ";

    private HelpLayout() {
    }

    /** Installs the wrapping on {@code cli} and every subcommand, at {@code width} columns. */
    static void install(CommandLine cli, int width) {
        cli.getCommandSpec().usageMessage().width(UNWRAPPED).autoWidth(false);
        Map<String, IHelpSectionRenderer> sections = cli.getHelpSectionMap();
        for (String key : List.copyOf(sections.keySet())) {
            IHelpSectionRenderer renderer = sections.get(key);
            // picocli may hand a parent's map on to its subcommands: wrap picocli's own renderer once
            IHelpSectionRenderer picocli = renderer instanceof Wrapped w ? w.picocli() : renderer;
            sections.put(key, new Wrapped(key, picocli, width));
        }
        cli.setHelpSectionMap(sections);
        cli.getSubcommands().values().forEach(sub -> install(sub, width));
    }

    /** A section as picocli renders it on one wide line, wrapped at spaces. */
    private record Wrapped(String key, IHelpSectionRenderer picocli, int width) implements IHelpSectionRenderer {
        @Override
        public String render(CommandLine.Help help) {
            return wrap(key, picocli.render(help), width);
        }
    }

    private static String wrap(String section, String text, int width) {
        boolean columns = section.equals(UsageMessageSpec.SECTION_KEY_OPTION_LIST) || section.equals(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST)
                || section.equals(UsageMessageSpec.SECTION_KEY_COMMAND_LIST);
        boolean synopsis = section.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS);
        StringBuilder out = new StringBuilder();
        String[] lines = prose(section) ? paragraphs(text) : text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripTrailing().length() <= width - (synopsis ? HEADING.length() : 0)) {
                out.append(line);
            } else if (columns) {
                int column = descriptionColumn(line);
                out.append(wrapLine(line, column, column + 2, width));
            } else if (synopsis) {
                // the line follows "Usage: ": the first line is that much shorter, the others align under the first option
                int column = synopsisIndent(line);
                String wrapped = wrapLine(" ".repeat(HEADING.length()) + line, HEADING.length() + column,
                        HEADING.length() + column, width);
                out.append(wrapped.substring(HEADING.length()));
            } else if (line.startsWith(" ")) {
                out.append(line);
            } else {
                out.append(wrapLine(line, 0, 0, width));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static boolean prose(String section) {
        return section.equals(UsageMessageSpec.SECTION_KEY_DESCRIPTION) || section.equals(UsageMessageSpec.SECTION_KEY_FOOTER);
    }

    /**
     * Consecutive lines of prose joined into one paragraph, so that a description still written
     * pre-wrapped in its source is wrapped once; blank lines and lines that start with a space
     * (laid out by hand) end a paragraph and stay as they are.
     */
    private static String[] paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int last = out.size() - 1;
            boolean joinable = !line.isBlank() && !line.startsWith(" ");
            if (joinable && last >= 0 && !out.get(last).isBlank() && !out.get(last).startsWith(" ")) {
                out.set(last, out.get(last).stripTrailing() + " " + line.strip());
            } else {
                out.add(line);
            }
        }
        return out.toArray(String[]::new);
    }

    /** Where a two-column row's description starts: after the label and the run of spaces that follows it. */
    private static int descriptionColumn(String line) {
        int start = indent(line);
        int gap = line.indexOf("  ", start);
        if (start >= 8 || gap < 0) {
            return start; // a description continued on a line of its own
        }
        int column = gap;
        while (column < line.length() && line.charAt(column) == ' ') {
            column++;
        }
        return column;
    }

    /** After {@code headroom bench loadtest }: where the options of the synopsis start. */
    private static int synopsisIndent(String line) {
        int options = line.indexOf("[-hV]");
        return options > 0 ? options : line.indexOf(' ') + 1;
    }

    /**
     * Keeps {@code line}'s first {@code keep} characters, then wraps the rest greedily at spaces with
     * continuation lines starting at column {@code hang}. A word longer than a line is never split.
     */
    static String wrapLine(String line, int keep, int hang, int width) {
        List<String> words = new ArrayList<>(List.of(line.substring(keep).strip().split(" +")));
        // an option and its value stay on one line: "--out out/review", "--latency 2s"
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).matches("(.* )?--[a-z0-9-]+") && !words.get(i + 1).startsWith("-")) {
                words.set(i, words.get(i) + " " + words.remove(i + 1));
                i--;
            }
        }
        StringBuilder out = new StringBuilder(line.substring(0, keep));
        int column = keep;
        boolean first = true;
        for (String word : words) {
            if (!first && column + 1 + word.length() > width) {
                out.append('\n').append(" ".repeat(hang));
                column = hang;
                first = true;
            }
            if (!first) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            first = false;
        }
        return out.toString();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
