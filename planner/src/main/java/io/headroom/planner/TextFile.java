package io.headroom.planner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an input file as UTF-8 text, refusing what is not text — a binary, a gzip, a truncated
 * multi-byte character — with one line naming the first offending byte as {@code file:line:column},
 * rather than a decoder's "Input length = 1".
 */
public final class TextFile {
    private TextFile() {
    }

    /**
     * The text of {@code file}, at most {@code maxBytes} long.
     *
     * @throws InvalidInputException when it cannot be read, is larger, or is not UTF-8 text
     */
    public static String read(Path file, long maxBytes) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InvalidInputException(file + " must be at most " + maxBytes / 1024 / 1024 + " MB but was "
                        + String.format(Locale.ROOT, "%.1f MB", size / 1048576.0) + " (" + file + ")");
            }
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + Excerpt.of(e.getMessage())), e);
        }
    }

    /**
     * {@code bytes} as UTF-8 text; the first byte that is not text (invalid UTF-8, or NUL: a binary
     * file) is an error at {@code file:line:column}.
     */
    public static String decode(byte[] bytes, String file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            decoder.flush(out);
        }
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw notText(file, "a NUL character", text, nul);
        }
        if (result.isError()) {
            throw notText(file, String.format(Locale.ROOT, "byte 0x%02x", bytes[in.position()] & 0xff), text, text.length());
        }
        return text;
    }

    private static InvalidInputException notText(String file, String what, String text, int index) {
        return new InvalidInputException(file + " must be UTF-8 text (a binary or compressed file cannot be read) but had "
                + what + " (" + file + ":" + lineAndColumn(text, index) + ")");
    }

    /** {@code line:column} (1-based) of character {@code index} of {@code text}. */
    public static String lineAndColumn(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (index - lineStart + 1);
    }
}
