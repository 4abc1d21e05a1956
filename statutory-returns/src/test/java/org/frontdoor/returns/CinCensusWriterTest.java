package org.frontdoor.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.PrimaryNeed;
import org.frontdoor.events.codes.ReferralSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The written return against the 2026 schema, then element by element. */
class CinCensusWriterTest {

    private static final CinCensusValidator VALIDATOR = new CinCensusValidator(WorkingDays.weekdaysOnly());
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    private static byte[] xml;
    private static Document doc;

    @BeforeAll
    static void writeTheFixtures() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CinCensusWriter().write(CensusFixtures.HEADER, CensusFixtures.all(), out);
        xml = out.toByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void theReturnIsValidAgainstTheSchema() throws Exception {
        List<SchemaError> errors = VALIDATOR.validateSchema(xml);
        assertEquals(List.of(), errors, () -> new String(xml, StandardCharsets.UTF_8));
    }

    @Test
    void noNamespaceAndNoEmptyElements() throws Exception {
        assertEquals("Message", doc.getDocumentElement().getTagName());
        assertEquals(null, doc.getDocumentElement().getNamespaceURI());
        assertEquals("0", x("count(//*[not(*) and normalize-space(.) = ''])"));
        assertTrue(new String(xml, 0, 60, StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    }

    @Test
    void header() throws Exception {
        assertEquals(List.of("Collection", "Year", "ReferenceDate"), childNames("/Message/Header/CollectionDetails"));
        assertEquals("CIN", x("/Message/Header/CollectionDetails/Collection"));
        assertEquals("2026", x("/Message/Header/CollectionDetails/Year"));
        assertEquals("2026-03-31", x("/Message/Header/CollectionDetails/ReferenceDate"));
        assertEquals(List.of("SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"),
                childNames("/Message/Header/Source"));
        assertEquals("L", x("/Message/Header/Source/SourceLevel"));
        assertEquals("873", x("/Message/Header/Source/LEA"));
        assertEquals("FrontDoor", x("/Message/Header/Source/SoftwareCode"));
        assertEquals("1.4.0", x("/Message/Header/Source/Release"));
        assertEquals("007", x("/Message/Header/Source/SerialNo"));
        // 09:15:30.123Z on 1 May is 10:15:30 British Summer Time, to the second
        assertEquals("2026-05-01T10:15:30", x("/Message/Header/Source/DateTime"));
        assertEquals("8", x("count(/Message/Children/Child)"));
    }

    @Test
    void nfaReferralWithUn7() throws Exception {
        String c = child("NFA001");
        assertEquals(List.of("LAchildID", "UPNunknown", "PersonBirthDate", "Sex"), childNames(c + "/ChildIdentifiers"));
        assertEquals("UN7", x(c + "/ChildIdentifiers/UPNunknown"));
        assertEquals("2015-06-10", x(c + "/ChildIdentifiers/PersonBirthDate"));
        assertEquals("F", x(c + "/ChildIdentifiers/Sex"));
        assertEquals(List.of("Ethnicity"), childNames(c + "/ChildCharacteristics"));
        assertEquals("WBRI", x(c + "/ChildCharacteristics/Ethnicity"));
        assertEquals(List.of("CINreferralDate", "ReferralSource", "ReferralNFA"), childNames(c + "/CINdetails"));
        assertEquals("2025-05-12", x(c + "/CINdetails/CINreferralDate"));
        assertEquals("2A", x(c + "/CINdetails/ReferralSource"));
        assertEquals("1", x(c + "/CINdetails/ReferralNFA"));
    }

    @Test
    void earlyHelpAfterAssessmentWithFactor21() throws Exception {
        String c = child("EH002");
        assertEquals("G330101234567", x(c + "/ChildIdentifiers/UPN"));
        assertEquals("M", x(c + "/ChildIdentifiers/Sex"));
        assertEquals("MWBC", x(c + "/ChildCharacteristics/Ethnicity"));
        assertEquals("NONE", x(c + "/ChildCharacteristics/Disabilities/Disability"));
        String e = c + "/CINdetails";
        assertEquals(List.of("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
                "ReasonForClosure", "Assessments", "ReferralNFA"), childNames(e));
        assertEquals("2025-06-02", x(e + "/CINreferralDate"));
        assertEquals("1A", x(e + "/ReferralSource"));
        assertEquals("N9", x(e + "/PrimaryNeedCode"));
        assertEquals("2025-07-15", x(e + "/CINclosureDate"));
        assertEquals("RC9", x(e + "/ReasonForClosure"));
        assertEquals("0", x(e + "/ReferralNFA"));
        assertEquals(List.of("AssessmentActualStartDate", "AssessmentAuthorisationDate",
                "FactorsIdentifiedAtAssessment"), childNames(e + "/Assessments"));
        assertEquals("2025-06-03", x(e + "/Assessments/AssessmentActualStartDate"));
        assertEquals("2025-07-15", x(e + "/Assessments/AssessmentAuthorisationDate"));
        assertEquals(List.of("21"), texts(e + "/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors"));
    }

    @Test
    void childInNeedWithFactorsAndAnOpenPlan() throws Exception {
        String c = child("S17003");
        assertEquals("E82012345678K", x(c + "/ChildIdentifiers/UPN"));
        assertEquals("AIND", x(c + "/ChildCharacteristics/Ethnicity"));
        assertEquals(List.of("LD", "COMM"), texts(c + "/ChildCharacteristics/Disabilities/Disability"));
        String e = c + "/CINdetails";
        assertEquals(List.of("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "Assessments", "CINPlanDates",
                "ReferralNFA"), childNames(e));
        assertEquals("3A", x(e + "/ReferralSource"));
        assertEquals("N4", x(e + "/PrimaryNeedCode"));
        assertEquals(List.of("3B", "4B", "2B"),
                texts(e + "/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors"));
        assertEquals(List.of("CINPlanStartDate"), childNames(e + "/CINPlanDates"));
        assertEquals("2025-10-21", x(e + "/CINPlanDates/CINPlanStartDate"));
    }

    @Test
    void section47WithAConferenceAndAProtectionPlan() throws Exception {
        String e = child("CP004") + "/CINdetails";
        assertEquals(List.of("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "Assessments", "Section47",
                "ReferralNFA", "ChildProtectionPlans"), childNames(e));
        assertEquals("6", x(e + "/ReferralSource"));
        assertEquals("N1", x(e + "/PrimaryNeedCode"));
        assertEquals(List.of("3A", "16A"), texts(e + "/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors"));
        assertEquals(List.of("S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"),
                childNames(e + "/Section47"));
        assertEquals("2025-11-04", x(e + "/Section47/S47ActualStartDate"));
        assertEquals("2025-11-25", x(e + "/Section47/InitialCPCtarget"));
        assertEquals("2025-11-24", x(e + "/Section47/DateOfInitialCPC"));
        assertEquals("0", x(e + "/Section47/ICPCnotRequired"));
        assertEquals(List.of("CPPstartDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP",
                "Reviews"), childNames(e + "/ChildProtectionPlans"));
        assertEquals("2025-11-24", x(e + "/ChildProtectionPlans/CPPstartDate"));
        assertEquals("NEG", x(e + "/ChildProtectionPlans/InitialCategoryOfAbuse"));
        assertEquals("NEG", x(e + "/ChildProtectionPlans/LatestCategoryOfAbuse"));
        assertEquals("0", x(e + "/ChildProtectionPlans/NumberOfPreviousCPP"));
        assertEquals(List.of("2026-02-20"), texts(e + "/ChildProtectionPlans/Reviews/CPPreviewDate"));
    }

    @Test
    void unbornChildWithAnOpenAssessment() throws Exception {
        String c = child("UNB005");
        assertEquals(List.of("LAchildID", "ExpectedPersonBirthDate", "Sex"), childNames(c + "/ChildIdentifiers"));
        assertEquals("2026-05-20", x(c + "/ChildIdentifiers/ExpectedPersonBirthDate"));
        assertEquals("U", x(c + "/ChildIdentifiers/Sex"));
        assertEquals("NOBT", x(c + "/ChildCharacteristics/Ethnicity"));
        assertEquals("0", x("count(" + c + "/ChildCharacteristics/Disabilities)"));
        assertEquals(List.of("AssessmentActualStartDate"), childNames(c + "/CINdetails/Assessments"));
        assertEquals("2026-01-13", x(c + "/CINdetails/Assessments/AssessmentActualStartDate"));
        assertEquals("3B", x(c + "/CINdetails/ReferralSource"));
    }

    @Test
    void twoEpisodesInTheYearInTheirOrder() throws Exception {
        String c = child("TWO006");
        assertEquals("2", x("count(" + c + "/CINdetails)"));
        assertEquals("WIRT", x(c + "/ChildCharacteristics/Ethnicity"));
        assertEquals("AUT", x(c + "/ChildCharacteristics/Disabilities/Disability"));
        String first = c + "/CINdetails[1]";
        assertEquals("2025-04-14", x(first + "/CINreferralDate"));
        assertEquals("5D", x(first + "/ReferralSource"));
        assertEquals("N5", x(first + "/PrimaryNeedCode"));
        assertEquals("2025-09-30", x(first + "/CINclosureDate"));
        assertEquals("RC7", x(first + "/ReasonForClosure"));
        assertEquals(List.of("14A", "10A"), texts(first + "/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors"));
        assertEquals("2025-05-28", x(first + "/CINPlanDates/CINPlanStartDate"));
        assertEquals("2025-09-30", x(first + "/CINPlanDates/CINPlanEndDate"));
        String second = c + "/CINdetails[2]";
        assertEquals("2026-02-02", x(second + "/CINreferralDate"));
        assertEquals("N6", x(second + "/PrimaryNeedCode"));
        assertEquals("0", x("count(" + second + "/CINclosureDate)"));
        assertEquals("2026-02-03", x(second + "/Assessments/AssessmentActualStartDate"));
        assertEquals("0", x("count(" + second + "/Assessments/AssessmentAuthorisationDate)"));
    }

    @Test
    void openAssessmentAndAFormerUpn() throws Exception {
        String c = child("OPEN007");
        assertEquals(List.of("LAchildID", "UPN", "FormerUPN", "PersonBirthDate", "Sex"),
                childNames(c + "/ChildIdentifiers"));
        assertEquals("E205300000017", x(c + "/ChildIdentifiers/UPN"));
        assertEquals("D330555000001", x(c + "/ChildIdentifiers/FormerUPN"));
        assertEquals("5C", x(c + "/CINdetails/ReferralSource"));
        assertEquals("N8", x(c + "/CINdetails/PrimaryNeedCode"));
        assertEquals(List.of("AssessmentActualStartDate"), childNames(c + "/CINdetails/Assessments"));
    }

    @Test
    void transferInWithTheConferenceOnTheEpisode() throws Exception {
        String e = child("TRF008") + "/CINdetails";
        assertEquals(List.of("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
                "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA", "ChildProtectionPlans"), childNames(e));
        assertEquals("2025-08-05", x(e + "/DateOfInitialCPC"));
        assertEquals("RC5", x(e + "/ReasonForClosure"));
        assertEquals("2026-01-20", x(e + "/ChildProtectionPlans/CPPendDate"));
        assertEquals("PHY", x(e + "/ChildProtectionPlans/InitialCategoryOfAbuse"));
        assertEquals("MUL", x(e + "/ChildProtectionPlans/LatestCategoryOfAbuse"));
        assertEquals("1", x(e + "/ChildProtectionPlans/NumberOfPreviousCPP"));
        assertEquals(List.of("2025-10-28", "2026-01-20"), texts(e + "/ChildProtectionPlans/Reviews/CPPreviewDate"));
        assertEquals(List.of("HEAR", "VIS"), texts(child("TRF008") + "/ChildCharacteristics/Disabilities/Disability"));
    }

    @Test
    void aRequiredValueThatIsMissingIsWrittenEmptySoTheSchemaNamesIt() throws Exception {
        CensusChild noSex = new CensusChild("X1", null, null, null, LocalDate.parse("2015-01-01"), null, null, null,
                Ethnicity.WHITE_BRITISH, List.of(), CensusFixtures.nfaReferral().episodes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CinCensusWriter().write(CensusFixtures.HEADER, List.of(noSex), out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("<Sex></Sex>"));
        List<SchemaError> errors = VALIDATOR.validateSchema(out.toByteArray());
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("'Sex'")), errors::toString);
        assertEquals(1, errors.stream().map(SchemaError::line).distinct().count(), errors::toString);
    }

    @Test
    void charactersXmlCannotCarryAreDropped() throws Exception {
        CensusChild odd = new CensusChild("AB\u0001C", null, null, null, LocalDate.parse("2015-01-01"), null,
                CensusSex.MALE, null, Ethnicity.WHITE_BRITISH, List.of(), CensusFixtures.nfaReferral().episodes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CinCensusWriter().write(CensusFixtures.HEADER, List.of(odd), out);
        assertEquals(List.of(), VALIDATOR.validateSchema(out.toByteArray()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("<LAchildID>ABC</LAchildID>"));
    }

    /**
     * Twenty-five thousand children, made one by one and streamed to a file: the writer holds one child
     * at a time, and the file is still valid.
     */
    @Test
    void aLargeReturnStreams(@TempDir Path dir) throws Exception {
        int size = 25_000;
        Iterable<CensusChild> generated = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < size;
            }

            @Override
            public CensusChild next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                i++;
                CensusChild base = CensusFixtures.childInNeed();
                return new CensusChild("C" + i, null, null, null, base.birthDate(), null, base.sex(), null,
                        base.ethnicity(), base.disabilities(), base.episodes());
            }
        };
        Path file = dir.resolve("cin.xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            new CinCensusWriter().write(CensusFixtures.HEADER, generated, out);
        }
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(List.of(), VALIDATOR.validateSchema(in));
        }
        try (var lines = Files.lines(file)) {
            assertEquals(size, lines.filter(l -> l.strip().equals("<Child>")).count());
        }
    }

    @Test
    void aSessionTakesChildrenOneAtATime() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CinCensusWriter writer = new CinCensusWriter();
        try (CinCensusWriter.Session session = writer.open(CensusFixtures.HEADER, out)) {
            session.child(CensusFixtures.nfaReferral());
            session.child(new CensusChild("P2", null, null, null, LocalDate.parse("2024-01-01"), null, CensusSex.MALE,
                    null, Ethnicity.REFUSED, null, List.of(new CensusEpisode(LocalDate.parse("2025-12-01"),
                            ReferralSource.UNKNOWN, PrimaryNeed.NOT_STATED, null, null, null, null, null, null, false,
                            null))));
            assertEquals(2, session.children());
        }
        assertEquals(List.of(), VALIDATOR.validateSchema(out.toByteArray()));
    }

    // ---------------------------------------------------------------- helpers

    private static String child(String id) {
        return "/Message/Children/Child[ChildIdentifiers/LAchildID='" + id + "']";
    }

    private static String x(String path) throws Exception {
        return XPATH.evaluate(path, doc);
    }

    private static List<String> texts(String path) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(path, doc, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static List<String> childNames(String path) throws Exception {
        Element element = (Element) XPATH.evaluate(path, doc, XPathConstants.NODE);
        List<String> names = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }
}
