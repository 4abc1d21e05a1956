package org.frontdoor.returns;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.frontdoor.support.csv.Csv;

/**
 * Writes an Annex A list as CSV (RFC 4180): UTF-8, a header row, CRLF line ends, a field quoted when it
 * holds a comma, a quote or a line break, quotes doubled. A field that a spreadsheet would read as a
 * formula (starting with {@code = + - @}, or a tab or carriage return) gets a leading apostrophe.
 */
public final class AnnexACsvWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final boolean byteOrderMark;

    /** Without a byte order mark. */
    public AnnexACsvWriter() {
        this(false);
    }

    /** @param byteOrderMark start with the UTF-8 byte order mark, which Excel needs to read UTF-8 */
    public AnnexACsvWriter(boolean byteOrderMark) {
        this.byteOrderMark = byteOrderMark;
    }

    /** Writes the list; {@code out} is flushed, not closed. */
    public void write(AnnexAList list, OutputStream out) throws IOException {
        if (byteOrderMark) {
            out.write(BOM);
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        line(writer, list.headers());
        for (List<String> row : list.rows()) {
            line(writer, row);
        }
        writer.flush();
    }

    private static void line(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(Csv.field(fields.get(i)));
        }
        writer.write("\r\n");
    }
}
