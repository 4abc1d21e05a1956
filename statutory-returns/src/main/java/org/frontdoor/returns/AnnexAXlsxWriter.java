package org.frontdoor.returns;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes Annex A lists as one Excel workbook (.xlsx), one sheet per list ("List 1"...), by hand: a zip
 * of the minimal SpreadsheetML parts, no library. Text is written as inline strings, which Excel never
 * evaluates, so a cell starting with {@code =} stays text. Dates are real dates shown {@code dd/mm/yyyy},
 * whole numbers real numbers; the header row is bold and frozen.
 */
public final class AnnexAXlsxWriter {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Excel's day 0 (with its 1900 leap-year quirk folded in, right for dates from March 1900). */
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final int STYLE_DATE = 1;
    private static final int STYLE_HEADER = 2;

    /** Writes the workbook; {@code out} is flushed, not closed. */
    public void write(List<AnnexAList> lists, OutputStream out) throws IOException {
        if (lists.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs a sheet");
        }
        // finished, never closed: the caller's stream stays open
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);

        entry(zip, xml, "[Content_Types].xml", contentTypes(lists.size()));
        entry(zip, xml, "_rels/.rels", "<Relationships xmlns=\"" + PACKAGE_REL + "\"><Relationship Id=\"rId1\" Type=\""
                + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        entry(zip, xml, "xl/workbook.xml", workbook(lists));
        entry(zip, xml, "xl/_rels/workbook.xml.rels", workbookRels(lists.size()));
        entry(zip, xml, "xl/styles.xml", STYLES);
        for (int i = 0; i < lists.size(); i++) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (i + 1) + ".xml"));
            sheet(xml, lists.get(i));
            xml.flush();
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
        out.flush();
    }

    private static void entry(ZipOutputStream zip, Writer xml, String name, String body) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        xml.write(body);
        xml.flush();
        zip.closeEntry();
    }

    private static String contentTypes(int sheets) {
        StringBuilder s = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
                .append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 1; i <= sheets; i++) {
            s.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return s.append("</Types>").toString();
    }

    private static String workbook(List<AnnexAList> lists) {
        StringBuilder s = new StringBuilder("<workbook xmlns=\"").append(MAIN).append("\" xmlns:r=\"").append(REL)
                .append("\"><sheets>");
        for (int i = 0; i < lists.size(); i++) {
            s.append("<sheet name=\"").append(escape(sheetName(lists.get(i).sheetName()))).append("\" sheetId=\"")
                    .append(i + 1).append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        return s.append("</sheets></workbook>").toString();
    }

    private static String workbookRels(int sheets) {
        StringBuilder s = new StringBuilder("<Relationships xmlns=\"").append(PACKAGE_REL).append("\">");
        for (int i = 1; i <= sheets; i++) {
            s.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
        }
        s.append("<Relationship Id=\"rId").append(sheets + 1).append("\" Type=\"").append(REL)
                .append("/styles\" Target=\"styles.xml\"/>");
        return s.append("</Relationships>").toString();
    }

    private static final String STYLES = "<styleSheet xmlns=\"" + MAIN + "\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";

    private static void sheet(Writer xml, AnnexAList list) throws IOException {
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        xml.write("<worksheet xmlns=\"" + MAIN + "\"><sheetViews><sheetView workbookViewId=\"0\">"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "</sheetView></sheetViews><sheetData>");
        xml.write("<row r=\"1\">");
        for (int c = 0; c < list.headers().size(); c++) {
            text(xml, ref(c, 1), list.headers().get(c), STYLE_HEADER);
        }
        xml.write("</row>");
        int r = 2;
        for (List<String> row : list.rows()) {
            xml.write("<row r=\"" + r + "\">");
            for (int c = 0; c < row.size(); c++) {
                cell(xml, ref(c, r), row.get(c), list.kinds().get(c));
            }
            xml.write("</row>");
            r++;
        }
        xml.write("</sheetData></worksheet>");
    }

    private static void cell(Writer xml, String ref, String value, AnnexAList.Kind kind) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (kind == AnnexAList.Kind.DATE) {
            try {
                long serial = ChronoUnit.DAYS.between(EPOCH, LocalDate.parse(value, DATE));
                xml.write("<c r=\"" + ref + "\" s=\"" + STYLE_DATE + "\"><v>" + serial + "</v></c>");
                return;
            } catch (DateTimeParseException e) {
                // not a date after all: keep it as text
            }
        } else if (kind == AnnexAList.Kind.INTEGER && value.matches("\\d{1,15}")) {
            xml.write("<c r=\"" + ref + "\"><v>" + value + "</v></c>");
            return;
        }
        text(xml, ref, value, 0);
    }

    private static void text(Writer xml, String ref, String value, int style) throws IOException {
        String space = !value.equals(value.strip()) ? " xml:space=\"preserve\"" : "";
        xml.write("<c r=\"" + ref + "\" t=\"inlineStr\"" + (style == 0 ? "" : " s=\"" + style + "\"") + "><is><t"
                + space + ">" + escape(value) + "</t></is></c>");
    }

    /** A1-style reference: column index from 0, row from 1. */
    static String ref(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.append(row).toString();
    }

    /** Excel's sheet name rules: at most 31 characters, none of {@code : \ / ? * [ ]}. */
    private static String sheetName(String name) {
        String clean = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    /** Escapes XML's special characters and drops those XML 1.0 cannot carry. */
    static String escape(String text) {
        return XmlChars.strip(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
