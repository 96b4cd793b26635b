package tw.fine.ra.registration.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greedy line breaking for mixed Chinese and English: a line may break after any Han
 * character but only between Latin words, and never before closing punctuation.
 */
final class LineBreaks {

    private static final String CJK = "\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF";
    /** One Han character or full-width sign, a Latin word with the spaces after it, or spaces. */
    private static final Pattern TOKEN = Pattern.compile("[" + CJK + "]|[^\\s" + CJK + "]+\\s*|\\s+");
    private static final String NO_LINE_START = "，。、；：？！）」』》〉,.;:?!)";

    private LineBreaks() {
    }

    static List<String> wrap(String text, double maxWidth, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String piece = token.group();
            boolean overflows = width.applyAsDouble((line + piece).stripTrailing()) > maxWidth;
            // closing punctuation stays on its line and may overhang a little
            if (line.length() > 0 && overflows && NO_LINE_START.indexOf(piece.charAt(0)) < 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (line.length() == 0) {
                piece = piece.stripLeading();
                line.append(piece);
                while (line.length() > 1 && width.applyAsDouble(line.toString().stripTrailing()) > maxWidth) {
                    lines.add(cutToFit(line, maxWidth, width));
                }
            } else {
                line.append(piece);
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** A word longer than the line (a URL) is cut where it must be. */
    private static String cutToFit(StringBuilder line, double maxWidth, ToDoubleFunction<String> width) {
        int end = 1;
        while (end < line.length() && width.applyAsDouble(line.substring(0, end + 1)) <= maxWidth) {
            end++;
        }
        String head = line.substring(0, end);
        line.delete(0, end);
        return head;
    }
}
