package org.frontdoor.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.returns.AnnexARows.Assessment;
import org.frontdoor.returns.AnnexARows.Contact;
import org.frontdoor.returns.AnnexARows.EarlyHelp;
import org.frontdoor.returns.AnnexARows.Enquiry;
import org.frontdoor.returns.AnnexARows.Referral;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Annex A lists 1-5 for the six months to 31 March 2026 (1 October 2025 on), as CSV and as a workbook. */
class AnnexATest {

    private static final AnnexAChild P100 = new AnnexAChild("P100", AnnexAGender.MALE, Ethnicity.WHITE_BRITISH,
            d("2015-04-01"), false);
    private static final AnnexAChild P200 = new AnnexAChild("P200", AnnexAGender.FEMALE, Ethnicity.NOT_YET_OBTAINED,
            null, null); // unborn
    private static final AnnexAChild P400 = new AnnexAChild("P400", AnnexAGender.NEITHER, Ethnicity.INDIAN,
            d("2020-10-15"), true);
    private static final AnnexAChild FORMULA = new AnnexAChild("=1+2", AnnexAGender.of(null), null,
            d("2019-01-01"), null);

    private static final AnnexA ANNEX = AnnexA.sixMonthsEnding(d("2026-03-31"));

    private static final List<Contact> CONTACTS = List.of(
            new Contact(P100, d("2025-12-01"), ReferralSource.SCHOOLS),
            new Contact(P200, d("2026-01-05"), ReferralSource.HEALTH_VISITOR),
            new Contact(P100, d("2025-09-30"), ReferralSource.POLICE), // the day before the period
            new Contact(P400, d("2025-10-01"), ReferralSource.LA_EARLY_HELP),
            new Contact(FORMULA, d("2026-03-31"), ReferralSource.ANONYMOUS));

    private static final List<EarlyHelp> EARLY_HELP = List.of(
            new EarlyHelp(P100, d("2025-09-01"), d("2025-09-30"), "Family Hub North"), // done before
            new EarlyHelp(P100, d("2025-09-15"), d("2025-10-10"), "Family Hub North"),
            new EarlyHelp(P200, d("2026-02-01"), null, "Health visiting, 0-19"),
            new EarlyHelp(P400, d("2026-04-01"), null, "School")); // after

    private static final List<Referral> REFERRALS = List.of(
            new Referral(P100, d("2024-11-20"), ReferralSource.SCHOOLS, false, "CIN 1", "Ann Lee"), // > 12 months
            new Referral(P100, d("2025-06-01"), ReferralSource.SCHOOLS, true, "Front Door", "Ann Lee"),
            new Referral(P100, d("2025-12-02"), ReferralSource.POLICE, false, "CIN 1", "Ann Lee"),
            new Referral(P400, d("2026-01-15"), ReferralSource.POLICE, true, "Front Door", "Sam Patel"),
            new Referral(FORMULA, d("2025-11-11"), ReferralSource.INDIVIDUAL_FAMILY, false, "-Team, East",
                    "@Bob \"B\""),
            new Referral(P100, d("2026-03-02"), ReferralSource.A_AND_E, false, "CIN 1", "Ann Lee"));

    private static final List<Assessment> ASSESSMENTS = List.of(
            new Assessment(P100, d("2025-09-20"), true, d("2025-10-05"), false, "CIN 1", "Ann Lee"),
            new Assessment(P400, d("2026-01-16"), null, null, null, "Assessment", "Sam Patel"),
            new Assessment(P200, d("2025-08-01"), true, d("2025-09-01"), true, "CIN 2", "Jo Bloggs")); // before

    private static final List<Enquiry> ENQUIRIES = List.of(
            new Enquiry(P100, d("2025-04-10"), false, d("2025-05-01"), true, "CP", "Ann Lee"), // before
            new Enquiry(P100, d("2025-08-01"), true, null, null, "CP", "Ann Lee"), // before
            new Enquiry(P100, d("2025-09-25"), false, d("2025-10-16"), true, "CP", "Ann Lee"),
            new Enquiry(P400, d("2026-03-20"), false, null, null, "CP", "Sam Patel"),
            new Enquiry(P200, d("2025-11-03"), true, null, null, "CP", "Jo Bloggs"));

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    // ---------------------------------------------------------------- the lists

    @Test
    void theSixMonthsEndingOn31MarchStartOn1October() {
        assertEquals(d("2025-10-01"), ANNEX.from());
        assertEquals(d("2026-03-31"), ANNEX.to());
    }

    @Test
    void list1ContactsInThePeriodInDateOrder() throws Exception {
        AnnexAList list = ANNEX.contacts(CONTACTS);
        assertEquals("List 1", list.sheetName());
        List<List<String>> csv = csv(list);
        assertEquals(List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                "Date of Contact", "Contact Source"), csv.get(0));
        assertEquals(List.of("P400", "d) Neither", "j) AIND", "15/10/2020", "5", "01/10/2025", "p1) 5D: LA services"),
                csv.get(1));
        // 10 on 31 March 2026, 11 the next day
        assertEquals(List.of("P100", "a) Male", "a) WBRI", "01/04/2015", "10", "01/12/2025", "e) 2A: Schools"),
                csv.get(2));
        // unborn: no date of birth, no age
        assertEquals(List.of("P200", "b) Female", "t) NOBT", "", "", "05/01/2026", "h) 3B: Health services"),
                csv.get(3));
        // defused: a leading apostrophe; no gender or ethnicity recorded: blank
        assertEquals(List.of("'=1+2", "", "", "01/01/2019", "7", "31/03/2026", "t) 9: Anonymous"), csv.get(4));
        assertEquals(5, csv.size());
    }

    @Test
    void agesCanBeTakenAtTheEvent() throws Exception {
        List<List<String>> csv = csv(ANNEX.ageAt(AnnexA.AgeBasis.EVENT).contacts(CONTACTS));
        assertEquals("4", csv.get(1).get(4)); // P400 turned 5 on 15 October 2025, after the contact on the 1st
        assertEquals("10", csv.get(2).get(4));
    }

    @Test
    void the2026TemplateCallsTheColumnSex() {
        assertEquals("Sex", ANNEX.withSexHeading().contacts(CONTACTS).headers().get(1));
    }

    @Test
    void list2EarlyHelpStartedOrGoingOnInThePeriod() throws Exception {
        List<List<String>> csv = csv(ANNEX.earlyHelp(EARLY_HELP));
        assertEquals(List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                "Assessment start date", "Assessment completion date", "Organisation completing assessment"),
                csv.get(0));
        assertEquals(List.of("P100", "a) Male", "a) WBRI", "01/04/2015", "10", "15/09/2025", "10/10/2025",
                "Family Hub North"), csv.get(1));
        assertEquals(List.of("P200", "b) Female", "t) NOBT", "", "", "01/02/2026", "", "Health visiting, 0-19"),
                csv.get(2));
        assertEquals(3, csv.size());
    }

    @Test
    void list3ReferralsCountTheEarlierOnesInTheYearBefore() throws Exception {
        List<List<String>> csv = csv(ANNEX.referrals(REFERRALS));
        assertEquals(List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months",
                "Allocated Team", "Allocated Worker"), csv.get(0));
        assertEquals(List.of("'=1+2", "", "", "01/01/2019", "7", "11/11/2025", "a) 1A: Individual", "b) No", "0",
                "'-Team, East", "'@Bob \"B\""), csv.get(1));
        // 1 June 2025 counts; 20 November 2024 is more than 12 months before
        assertEquals(List.of("P100", "a) Male", "a) WBRI", "01/04/2015", "10", "02/12/2025", "q) 6: Police", "b) No",
                "1", "CIN 1", "Ann Lee"), csv.get(2));
        assertEquals(List.of("P400", "d) Neither", "j) AIND", "15/10/2020", "5", "15/01/2026", "q) 6: Police",
                "a) Yes", "0", "Front Door", "Sam Patel"), csv.get(3));
        assertEquals(List.of("P100", "a) Male", "a) WBRI", "01/04/2015", "10", "02/03/2026", "k) 3E: Health services",
                "b) No", "2", "CIN 1", "Ann Lee"), csv.get(4));
        assertEquals(5, csv.size());
    }

    @Test
    void list4AssessmentsOpenInThePeriod() throws Exception {
        List<List<String>> csv = csv(ANNEX.assessments(ASSESSMENTS));
        assertEquals(List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                "Does the Child have a Disability", "Continuous Assessment Start Date",
                "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
                "Was the child assessed as requiring LA children's social care support?", "Allocated Team",
                "Allocated Worker"), csv.get(0));
        assertEquals(List.of("P100", "a) Male", "a) WBRI", "01/04/2015", "10", "b) No", "20/09/2025", "a) Yes",
                "05/10/2025", "b) No", "CIN 1", "Ann Lee"), csv.get(1));
        assertEquals(List.of("P400", "d) Neither", "j) AIND", "15/10/2020", "5", "a) Yes", "16/01/2026", "c) Unknown",
                "", "", "Assessment", "Sam Patel"), csv.get(2));
        assertEquals(3, csv.size());
    }

    @Test
    void list5EnquiriesWithTheirConferencesAndTheCounts() throws Exception {
        List<List<String>> csv = csv(ANNEX.section47s(ENQUIRIES));
        assertEquals(List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                "Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
                "Was an Initial Child Protection Conference deemed unnecessary?",
                "Date of Initial Child Protection Conference",
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
                "Allocated Team", "Allocated Worker"), csv.get(0));
        // started before the period, conference in it: listed; two earlier enquiries, one earlier conference
        assertEquals(List.of("P100", "a) Male", "a) WBRI", "01/04/2015", "10", "b) No", "25/09/2025", "b) No",
                "16/10/2025", "a) Yes", "2", "1", "CP", "Ann Lee"), csv.get(1));
        assertEquals(List.of("P200", "b) Female", "t) NOBT", "", "", "c) Unknown", "03/11/2025", "a) Yes", "", "",
                "0", "0", "CP", "Jo Bloggs"), csv.get(2));
        assertEquals(List.of("P400", "d) Neither", "j) AIND", "15/10/2020", "5", "a) Yes", "20/03/2026", "b) No", "",
                "", "0", "0", "CP", "Sam Patel"), csv.get(3));
        assertEquals(4, csv.size());
    }

    @Test
    void everySourceHasItsPickListValue() {
        List<String> picks = new ArrayList<>();
        for (ReferralSource source : ReferralSource.values()) {
            picks.add(AnnexA.source(source));
        }
        assertEquals(List.of("a) 1A: Individual", "b) 1B: Individual", "c) 1C: Individual", "d) 1D: Individual",
                "e) 2A: Schools", "f) 2B: Education services", "g) 3A: Health services", "h) 3B: Health services",
                "i) 3C: Health services", "j) 3D: Health services", "k) 3E: Health services",
                "l) 3F: Health services", "m) 4: Housing", "n) 5A: LA services", "o) 5B: LA services",
                "p) 5C: LA services", "p1) 5D: LA services", "q) 6: Police", "r) 7: Other legal agency",
                "s) 8: Other", "t) 9: Anonymous", "u) 10: Unknown"), picks);
        assertEquals("a) WBRI", AnnexA.ethnicity(Ethnicity.WHITE_BRITISH));
        assertEquals("t) NOBT", AnnexA.ethnicity(Ethnicity.NOT_YET_OBTAINED));
        assertEquals("s) REFU", AnnexA.ethnicity(Ethnicity.REFUSED));
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void csvIsRfc4180WithCrlfAndQuoting() throws Exception {
        String text = new String(bytes(ANNEX.referrals(REFERRALS)), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),"
                + "Date of referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,"
                + "Allocated Team,Allocated Worker\r\n"), text);
        assertTrue(text.contains("\r\n'=1+2,,,01/01/2019,7,11/11/2025,a) 1A: Individual,b) No,0,\"'-Team, East\","
                + "\"'@Bob \"\"B\"\"\"\r\n"), text);
        assertTrue(text.endsWith("\r\n"));
        assertEquals(5, text.split("\r\n").length);
    }

    @Test
    void csvCanStartWithAByteOrderMarkForExcel() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AnnexACsvWriter(true).write(ANNEX.contacts(CONTACTS), out);
        byte[] bytes = out.toByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        assertEquals('C', bytes[3]);
    }

    @Test
    void csvDefusesFormulasAndQuotesLineBreaks() {
        assertEquals("'=SUM(A1)", org.frontdoor.support.csv.Csv.field("=SUM(A1)"));
        assertEquals("'+44", org.frontdoor.support.csv.Csv.field("+44"));
        assertEquals("'-1", org.frontdoor.support.csv.Csv.field("-1"));
        assertEquals("'@x", org.frontdoor.support.csv.Csv.field("@x"));
        assertEquals("\"a\nb\"", org.frontdoor.support.csv.Csv.field("a\nb"));
        assertEquals("a=b", org.frontdoor.support.csv.Csv.field("a=b"));
        assertEquals("", org.frontdoor.support.csv.Csv.field(null));
    }

    // ---------------------------------------------------------------- xlsx

    @Test
    void theWorkbookIsAZipWithOneSheetPerListAndTheSameCells() throws Exception {
        List<AnnexAList> lists = ANNEX.lists(CONTACTS, EARLY_HELP, REFERRALS, ASSESSMENTS, ENQUIRIES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AnnexAXlsxWriter().write(lists, out);
        Map<String, byte[]> parts = unzip(out.toByteArray());

        assertTrue(parts.keySet().containsAll(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet5.xml")),
                parts.keySet()::toString);
        assertEquals(10, parts.size());

        Document workbook = parse(parts.get("xl/workbook.xml"));
        NodeList sheets = workbook.getElementsByTagNameNS("*", "sheet");
        List<String> names = new ArrayList<>();
        Map<String, String> relIds = new LinkedHashMap<>();
        for (int i = 0; i < sheets.getLength(); i++) {
            Element sheet = (Element) sheets.item(i);
            names.add(sheet.getAttribute("name"));
            relIds.put(sheet.getAttribute("name"), sheet.getAttributeNS(
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"));
        }
        assertEquals(List.of("List 1", "List 2", "List 3", "List 4", "List 5"), names);
        Map<String, String> targets = new TreeMap<>();
        NodeList rels = parse(parts.get("xl/_rels/workbook.xml.rels")).getElementsByTagNameNS("*", "Relationship");
        for (int i = 0; i < rels.getLength(); i++) {
            Element rel = (Element) rels.item(i);
            targets.put(rel.getAttribute("Id"), rel.getAttribute("Target"));
        }

        for (int i = 0; i < lists.size(); i++) {
            AnnexAList list = lists.get(i);
            String part = "xl/" + targets.get(relIds.get(list.sheetName()));
            List<List<String>> cells = readSheet(parts.get(part), list.headers().size());
            List<List<String>> expected = new ArrayList<>();
            expected.add(list.headers());
            expected.addAll(list.rows());
            assertEquals(expected, cells, part);
        }
    }

    @Test
    void inTheWorkbookDatesAndNumbersAreRealAndFormulasAreText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AnnexAXlsxWriter().write(List.of(ANNEX.contacts(CONTACTS)), out);
        String sheet = new String(unzip(out.toByteArray()).get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        // 15/10/2020 is Excel day 44119, shown as dd/mm/yyyy (style 1)
        assertTrue(sheet.contains("<c r=\"D2\" s=\"1\"><v>44119</v></c>"), sheet);
        assertTrue(sheet.contains("<c r=\"E2\"><v>5</v></c>"), sheet);
        assertTrue(sheet.contains("<c r=\"A5\" t=\"inlineStr\"><is><t>=1+2</t></is></c>"), sheet);
        assertFalse(sheet.contains("<f>"));
        assertTrue(sheet.contains("state=\"frozen\""));
    }

    @Test
    void cellReferencesGoPastZ() {
        assertEquals("A1", AnnexAXlsxWriter.ref(0, 1));
        assertEquals("Z3", AnnexAXlsxWriter.ref(25, 3));
        assertEquals("AA3", AnnexAXlsxWriter.ref(26, 3));
        assertEquals("AZ9", AnnexAXlsxWriter.ref(51, 9));
        assertEquals("BA9", AnnexAXlsxWriter.ref(52, 9));
    }

    @Test
    void workbookTextIsEscapedAndKeepsOnlyWhatXmlCanCarry() {
        assertEquals("Smith &amp; Sons &lt;b&gt; &quot;x&quot; \uD83D\uDE00", AnnexAXlsxWriter.escape(
                "Smith & Sons <b>\u0001 \"x\" \uD83D\uDE00"));
        assertEquals("ab", AnnexAXlsxWriter.escape("a\uD83Db")); // a lone surrogate
    }

    @Test
    void aWorkbookNeedsASheet() {
        assertThrows(IllegalArgumentException.class,
                () -> new AnnexAXlsxWriter().write(List.of(), new ByteArrayOutputStream()));
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] bytes(AnnexAList list) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AnnexACsvWriter().write(list, out);
        return out.toByteArray();
    }

    /** Writes the list as CSV and reads it back with an RFC 4180 reader of the test's own. */
    private static List<List<String>> csv(AnnexAList list) throws Exception {
        String text = new String(bytes(list), StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertEquals(0, field.length(), "the last line ends with CRLF");
        return rows;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The sheet's cells as text: inline strings as they are, date-styled numbers as dd/MM/yyyy. */
    private static List<List<String>> readSheet(byte[] xml, int width) throws Exception {
        Document sheet = parse(xml);
        NodeList rows = sheet.getElementsByTagNameNS("*", "row");
        List<List<String>> table = new ArrayList<>();
        for (int r = 0; r < rows.getLength(); r++) {
            Element row = (Element) rows.item(r);
            assertEquals(Integer.toString(r + 1), row.getAttribute("r"));
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                cells.add("");
            }
            NodeList cs = row.getElementsByTagNameNS("*", "c");
            for (int c = 0; c < cs.getLength(); c++) {
                Element cell = (Element) cs.item(c);
                String ref = cell.getAttribute("r");
                int column = ref.replaceAll("\\d", "").chars().reduce(0, (a, ch) -> a * 26 + ch - 'A' + 1) - 1;
                assertEquals(Integer.toString(r + 1), ref.replaceAll("[A-Z]", ""));
                String value;
                if ("inlineStr".equals(cell.getAttribute("t"))) {
                    value = cell.getElementsByTagNameNS("*", "t").item(0).getTextContent();
                } else {
                    String v = cell.getElementsByTagNameNS("*", "v").item(0).getTextContent();
                    value = "1".equals(cell.getAttribute("s"))
                            ? LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(v))
                                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                            : v;
                }
                cells.set(column, value);
            }
            table.add(cells);
        }
        return table;
    }
}
