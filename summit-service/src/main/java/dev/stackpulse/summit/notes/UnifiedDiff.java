package dev.stackpulse.summit.notes;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Unified text diff of two note bodies, line by line. */
final class UnifiedDiff {

    private static final Pattern EMPTY_RANGE = Pattern.compile("([-+])(\\d+),0 ");

    private UnifiedDiff() {
    }

    static String between(String fromName, String from, String toName, String to, int context) {
        List<String> a = lines(from);
        List<String> b = lines(to);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, a, patch, context).stream()
                .map(UnifiedDiff::gnuHunkHeader).toList();
        return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
    }

    /** An empty range starts at the line before it (GNU diff and patch: "-0,0" for an empty original). */
    private static String gnuHunkHeader(String line) {
        if (!line.startsWith("@@")) {
            return line;
        }
        Matcher m = EMPTY_RANGE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1) + (Integer.parseInt(m.group(2)) - 1) + ",0 ");
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(trimmed.split("\r?\n", -1));
    }
}
