package io.streambench.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page being written: inline CSS, images as {@code data:} URIs, no script and no
 * other file, so it opens from disk anywhere. Text is escaped on the way in.
 */
final class Page {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px auto;\
            max-width:1000px;padding:0 16px;color:#222;line-height:1.4}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
            h3{margin-bottom:.3em}nav a{margin-right:1em}.meta{color:#555}
            table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9em}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
            img{display:block;max-width:100%;height:auto;margin:.5em 0 1em;border:1px solid #eee}
            .note{color:#666;font-size:.9em}code{background:#f4f4f4;padding:0 3px}
            """;

    private final StringBuilder out = new StringBuilder(64 * 1024);

    Page(String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
    }

    /** Appends markup as it is: only for fixed strings and what this class produced. */
    Page raw(String html) {
        out.append(html);
        return this;
    }

    Page h1(String text) {
        return tag("h1", text);
    }

    Page h2(String id, String text) {
        out.append("<h2 id=\"").append(escape(id)).append("\">").append(escape(text)).append("</h2>\n");
        return this;
    }

    Page h3(String text) {
        return tag("h3", text);
    }

    Page p(String text) {
        return tag("p", text);
    }

    Page note(String text) {
        out.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** An image from a {@code data:} URI. */
    Page img(String dataUri, String alt) {
        out.append("<img src=\"").append(dataUri).append("\" alt=\"").append(escape(alt)).append("\" width=\"")
                .append(Plots.WIDTH).append("\" height=\"").append(Plots.HEIGHT).append("\">\n");
        return this;
    }

    /** A table; cells that look like numbers are right-aligned. */
    Page table(List<String> header, List<List<String>> rows) {
        out.append("<table>\n<thead><tr>");
        for (String h : header) {
            out.append("<th>").append(escape(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (String cell : row) {
                out.append(numeric(cell) ? "<td class=\"n\">" : "<td>").append(escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        return this;
    }

    /** Closes the document and writes it to {@code file} (through a temporary file, so readers never see half). */
    Path writeTo(Path file) {
        out.append("</body>\n</html>\n");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private Page tag(String tag, String text) {
        out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean numeric(String cell) {
        // a trailing * is FewSamples' flag
        return !cell.isEmpty() && cell.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?( ?[a-zA-Z/%]+)?\\*?");
    }

    /** A figure for people: thousands separators, fewer decimals for larger values, "-" for none. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        double a = Math.abs(value);
        if (a == Math.rint(a) && a < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        String pattern = a >= 1000 ? "%,.0f" : a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
