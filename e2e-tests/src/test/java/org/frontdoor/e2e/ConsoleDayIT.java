package org.frontdoor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.frontdoor.returns.CinCensusValidator;
import org.frontdoor.testsupport.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.w3c.dom.Document;

/**
 * Issue 28's "done when": each role's day in the console, in a real headless Chromium, against the three services
 * packaged. The front door officer logs a phone call from a school about two children, which lands in the queue
 * with its reference; a worker decides one child to a social care assessment (the other, below the suggested
 * level, waits for a manager) and records the s17 assessment and a CIN plan; the manager approves, authorises the
 * assessment, finds the child left out of this year's CIN census (no ethnicity recorded), follows the failure's
 * link, puts it right, checks again and downloads a census that passes the DfE schema with the child in it; then
 * adds a member of staff and deactivates a partner organisation. axe-core finds nothing on any page, the key ones
 * at phone width too, and the served stylesheet names no GOV.UK font.
 */
class ConsoleDayIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Pattern REFERENCE = Pattern.compile("FD-\\d{4}-\\d{6}");
    private static final LocalDate ROSIE_BORN = LocalDate.of(2016, 3, 14);

    private static Pipeline pipeline;
    private static String school;
    private static String leaving;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    private final String surname = Actors.surname("Day");
    private final String rosie = "Rosie " + surname;
    private final String sam = "Sam " + surname;
    private String reference;
    private String rosieItem;
    private String samItem;
    private String rosieKey;

    @BeforeAll
    static void start() {
        Browser.requiredOrSkip();
        pipeline = Pipeline.get();
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        school = "day-primary-" + n;
        leaving = "day-youth-club-" + n;
        Actors.Partner.inDirectory(pipeline, school, "2A", "SCHOOL");
        Actors.Partner.inDirectory(pipeline, leaving, "8", "OTHER");
    }

    @Test
    void eachRolesDay() throws Exception {
        try (ConsoleBrowser officer = ConsoleBrowser.signIn(pipeline.triage(), "dev-front-door")) {
            theFrontDoorLogsAPhoneCall(officer);
        }
        try (ConsoleBrowser worker = ConsoleBrowser.signIn(pipeline.triage(), "dev-triage-worker")) {
            theWorkerFindsBothChildrenInTheQueue(worker);
            theWorkerDecides(worker);
            theWorkerRecordsTheAssessmentAndACinPlan(worker, theCaseOf(worker));
        }
        try (ConsoleBrowser manager = ConsoleBrowser.signIn(pipeline.triage(), "dev-team-manager")) {
            theManagerApprovesAndAuthorises(manager);
            String laChildId = theManagerFindsTheChildLeftOutOfTheCensus(manager);
            theManagerPutsItRight(manager);
            theManagerDownloadsTheCensus(manager, laChildId);
            theManagerAddsAMemberOfStaff(manager);
            theManagerDeactivatesAPartner(manager);
        }
    }

    private void theFrontDoorLogsAPhoneCall(ConsoleBrowser officer) throws Exception {
        assertEquals("/console/contacts/new", officer.path(), "the front door's first page");
        assertEquals("Log a contact", officer.h1());
        officer.stylesheetsNameNoGovUkFont();
        officer.axeBothWidths("log a contact: find the child");
        officer.type("children[0].firstName", "Rosie");
        officer.type("children[0].lastName", surname);
        officer.date("children[0].dateOfBirth", ROSIE_BORN);
        officer.submit(By.id("find-1"));
        assertEquals("No child the front door knows fits these details.", officer.text("matches-1"));
        officer.submit(By.id("new-1"));
        officer.submit(By.id("add-child"));
        officer.type("children[1].firstName", "Sam");
        officer.type("children[1].lastName", surname);
        officer.date("children[1].dateOfBirth", LocalDate.of(2019, 8, 2));
        officer.selectValue("children[0].gender", "F");
        officer.selectValue("children[1].gender", "M");
        officer.choose("referrer.kind", "PROFESSIONAL");
        officer.select("referrer.organisationId", school);
        officer.type("referrer.name", "Mrs J. Patel");
        officer.type("referrer.phone", "01632 960000");
        officer.type("concerns.summary", "Rosie has a bruise to her cheek and says she is scared to go home.");
        officer.choose("concerns.indicators", "NON_ACCIDENTAL_INJURY");
        officer.choose("concerns.immediateRisk", "true");
        officer.choose("consent.familyAware", "true");
        officer.choose("consent.consentGiven", "true");
        officer.axe("log a contact: the form");
        officer.submit(By.id("log"));

        assertEquals("My contacts", officer.h1());
        assertEquals("Contact logged", officer.banner());
        String row = officer.text(By.cssSelector("#my-contacts tbody tr"));
        Matcher m = REFERENCE.matcher(row);
        assertTrue(m.find() && row.startsWith(m.group()), "the contact's reference first: " + row);
        reference = m.group();
        assertTrue(row.contains(school) && row.contains(rosie + ": ") && row.contains(sam + ": "), row);
        officer.axeBothWidths("my contacts");
    }

    private void theWorkerFindsBothChildrenInTheQueue(ConsoleBrowser worker) throws Exception {
        By rosieLink = childLink(rosie);
        // from the referral service to triage by Kafka: the queue shows them once triage has them
        worker.waitFor(d -> {
            worker.open("/console/queue?priority=RED");
            return worker.present(rosieLink) && worker.present(childLink(sam));
        });
        assertEquals("Contacts to screen", worker.h1());
        for (String child : List.of(rosie, sam)) {
            String cell = worker.find(By.xpath("//a[.='" + child + "']/ancestor::td")).getText();
            assertTrue(cell.contains("Contact " + reference), "the queue shows the contact's reference: " + cell);
        }
        rosieItem = itemId(worker, rosie);
        samItem = itemId(worker, sam);
        worker.axeBothWidths("queue");
        worker.submit(rosieLink);
        assertTrue(worker.h1().startsWith(rosie), worker.h1());
        assertTrue(worker.text(By.className("govuk-caption-l")).contains(reference), "the screening page's caption");
        worker.axeBothWidths("screening");
    }

    /** Rosie to a social care assessment; Sam, below the suggested level, to targeted early help (for approval). */
    private void theWorkerDecides(ConsoleBrowser worker) throws Exception {
        worker.choose("children[" + rosieItem + "].level", "4");
        worker.choose("children[" + rosieItem + "].outcome", "SOCIAL_CARE_ASSESSMENT");
        worker.selectValue("children[" + rosieItem + "].primaryNeedCode", "N1");
        worker.choose("children[" + samItem + "].level", "3");
        worker.choose("children[" + samItem + "].outcome", "EARLY_HELP_TARGETED");
        worker.type("children[" + samItem + "].levelOverrideReason", "No injury to Sam; his school sees no harm.");
        worker.type("rationale", "An injury to Rosie's face and her fear of going home.");
        worker.type("referrerFeedback", "Thank you: a social worker will assess Rosie's needs.");
        worker.submit(By.id("decide"));
        assertEquals("Decision recorded", worker.banner());
        worker.axe("screening, decided");
    }

    /** From the screening page to Rosie's chronology, and from there to the case the decision opened. */
    private String theCaseOf(ConsoleBrowser worker) {
        worker.submit(By.id("child-" + rosieItem));
        rosieKey = worker.path().replaceFirst("^/console/children/", "").replaceFirst("[?#].*$", "");
        worker.submit(By.cssSelector("a[href^='/console/cases/']"));
        assertTrue(worker.h1().contains(rosie), worker.h1());
        return worker.path().replaceFirst("^/console/cases/", "");
    }

    private void theWorkerRecordsTheAssessmentAndACinPlan(ConsoleBrowser worker, String caseId) throws Exception {
        worker.axeBothWidths("case");
        worker.submit(By.cssSelector("a[href='/console/referrals/" + rosieItem + "/assessment']"));
        assertEquals("s17 assessment: " + rosie, worker.h1());
        worker.date("startedOn", today);
        worker.choose("childSeen", "true");
        worker.submit(By.id("start-assessment"));
        assertEquals("Assessment started", worker.banner());
        assertEquals("Not yet", worker.text(By.cssSelector("[id$='-authorised']")));
        worker.axeBothWidths("assessment started");

        worker.open("/console/cases/" + caseId);
        worker.submit(By.id("case-plans"));
        assertEquals("Plans: " + rosie, worker.h1());
        worker.submit(By.cssSelector("a[href='/console/referrals/" + rosieItem + "/cin-plans']"));
        assertEquals("CIN plans: " + rosie, worker.h1());
        worker.date("startedOn", today);
        worker.submit(By.id("start-plan"));
        assertEquals("CIN plan started", worker.banner());
        assertEquals(DAY.format(today) + " going on", worker.text(By.cssSelector("#cin-plans tbody tr")));
        worker.axeBothWidths("CIN plans");
    }

    private void theManagerApprovesAndAuthorises(ConsoleBrowser manager) throws Exception {
        manager.open("/console/approvals");
        assertEquals("Decisions awaiting approval", manager.h1());
        manager.axe("approvals");
        manager.submit(By.id("approve-" + samItem));
        assertEquals("Decision approved", manager.banner());

        manager.open("/console/referrals/" + rosieItem + "/assessment");
        manager.date("authorisedOn", today);
        manager.choose("factors", "3A");
        manager.choose("requiresSupport", "true");
        manager.axe("assessment to authorise");
        manager.submit(By.id("save-assessment"));
        assertEquals("Assessment authorised", manager.banner());
        assertTrue(manager.text(By.cssSelector("[id$='-authorised']")).startsWith(DAY.format(today) + " by "));
    }

    /** This year's census checked: Rosie is left out, her ethnicity never recorded (DfE rule 4220). */
    private String theManagerFindsTheChildLeftOutOfTheCensus(ConsoleBrowser manager) throws Exception {
        manager.open("/console/returns");
        assertEquals("Statutory returns", manager.h1());
        int year = today.getMonthValue() >= 4 ? today.getYear() + 1 : today.getYear();
        assertEquals(String.valueOf(year), manager.find(By.id("year")).getAttribute("value"), "this year first");
        manager.axeBothWidths("returns");
        checkTheCensus(manager, "check-census");
        assertEquals("Children in need census 1 April " + (year - 1) + " to 31 March " + year, manager.h1());
        By card = rosiesCard();
        manager.pageUntil(card);
        String text = manager.text(card);
        assertTrue(text.contains("Left out") && text.contains("4220") && text.contains("Ethnicity is missing"), text);
        manager.axeBothWidths("census checked");
        String laChildId = manager.find(card).getAttribute("id").substring("child-".length());
        By fix = By.xpath("//tr[starts-with(@id, 'failure-" + laChildId + "-')][contains(., '4220')]//a");
        manager.submit(fix);
        return laChildId;
    }

    /** The failure's link leads to the child's case; the characteristics from there. */
    private void theManagerPutsItRight(ConsoleBrowser manager) throws Exception {
        assertTrue(manager.h1().contains(rosie), manager.h1());
        manager.submit(By.cssSelector("a[href='/console/children/" + rosieKey + "/characteristics']"));
        assertEquals("Characteristics: " + rosie, manager.h1());
        manager.choose("sex", "F");
        manager.select("ethnicity", "White British");
        manager.choose("disabilities", "NONE");
        manager.selectValue("upnUnknown", "UN5");
        manager.date("birthDate", ROSIE_BORN);
        manager.submit(By.id("save-characteristics"));
        assertEquals("Characteristics saved", manager.banner());
        manager.axeBothWidths("characteristics");
    }

    private void theManagerDownloadsTheCensus(ConsoleBrowser manager, String laChildId) throws Exception {
        manager.open("/console/returns");
        checkTheCensus(manager, "check-census");
        // checked again: Rosie is in the file now (on no page as left out)
        for (int page = 1;; page++) {
            if (manager.present(rosiesCard())) {
                assertFalse(manager.text(rosiesCard()).contains("Left out"), manager.text(rosiesCard()));
            }
            if (!manager.present(By.cssSelector("a[rel='next']"))) {
                break;
            }
            manager.submit(By.cssSelector("a[rel='next']"));
        }
        checkTheCensus(manager, "make-census");
        String link = manager.text("download-census");
        assertTrue(link.matches("Download the census file \\(cin-census-\\d+-\\d{4}-\\d+\\.xml\\)"), link);
        manager.axe("census made");
        Map<?, ?> file = manager.fetch(manager.find(By.id("download-census")).getAttribute("href"));
        assertEquals(200L, file.get("status"));
        byte[] xml = ((String) file.get("body")).getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), new CinCensusValidator((a, b) -> 0).validateSchema(xml), "valid against the XSD");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        XPath x = XPathFactory.newInstance().newXPath();
        String child = "//Child[ChildIdentifiers/LAchildID='" + laChildId + "']";
        assertEquals("1", x.evaluate("count(" + child + ")", doc), "Rosie is in the census");
        assertEquals("WBRI", x.evaluate(child + "/ChildCharacteristics/Ethnicity", doc));
        assertEquals(ROSIE_BORN.toString(), x.evaluate(child + "/ChildIdentifiers/PersonBirthDate", doc));
        assertEquals(today.toString(), x.evaluate(child + "/CINdetails/CINreferralDate", doc));
        assertEquals(today.toString(), x.evaluate(child + "//CINPlanStartDate", doc), "her CIN plan");
        assertEquals(today.toString(), x.evaluate(child + "//AssessmentAuthorisationDate", doc));
    }

    private void theManagerAddsAMemberOfStaff(ConsoleBrowser manager) throws Exception {
        String id = "tw-day-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        manager.open("/console/staff");
        assertEquals("Staff directory", manager.h1());
        manager.axeBothWidths("staff directory");
        manager.submit(By.id("add-staff"));
        assertEquals("Add a member of staff", manager.h1());
        manager.type("name", "Dee Day");
        manager.type("id", id);
        manager.type("team", "MASH team 2");
        manager.choose("role", "TRIAGE_WORKER");
        manager.axe("add a member of staff");
        manager.submit(By.id("add"));
        assertEquals("Member of staff added", manager.banner());
        assertEquals("Dee Day", manager.h1());
        assertEquals("Triage worker", manager.text("record-role"));
        manager.axe("a member of staff");
    }

    private void theManagerDeactivatesAPartner(ConsoleBrowser manager) throws Exception {
        manager.open("/console/partners");
        assertEquals("Partner directory", manager.h1());
        manager.axeBothWidths("partner directory");
        manager.pageUntil(By.id("partner-" + leaving));
        manager.submit(By.cssSelector("#partner-" + leaving + " a"));
        assertEquals(leaving, manager.h1());
        manager.axe("a partner organisation");
        manager.submit(By.id("deactivate"));
        assertTrue(manager.banner().startsWith("Deactivated: nothing more is sent to it"), manager.banner());
        assertEquals("Inactive", manager.text("record-status"));
        manager.axeBothWidths("a partner organisation, deactivated");
        Http.Reply record = Http.get(pipeline.notification() + "/api/v1/partners/" + leaving, pipeline.token("ops"));
        assertEquals(200, record.status(), record.body());
        assertFalse(record.json().get("active").asBoolean(), "the notification service keeps it inactive");
        assertEquals("dev-team-manager", record.json().get("updatedBy").asText(), "changed as the manager's");
    }

    /** Presses check or make, and follows the progress page until the census is shown. */
    private static void checkTheCensus(ConsoleBrowser manager, String button) {
        manager.submit(By.id(button));
        manager.waitFor(d -> manager.h1().startsWith("Children in need census"));
        if ("make-census".equals(button)) {
            manager.waitFor(d -> manager.present(By.id("download-census")) || manager.present(By.id("no-census-file")));
            assertFalse(manager.present(By.id("no-census-file")), "a file was made");
        }
    }

    private By rosiesCard() {
        return By.xpath("//div[contains(@class, 'govuk-summary-card')][.//h3[starts-with(., '" + rosie + " (')]]");
    }

    private static By childLink(String name) {
        return By.xpath("//a[starts-with(@href, '/console/items/')][.='" + name + "']");
    }

    private static String itemId(ConsoleBrowser browser, String name) {
        return browser.find(childLink(name)).getAttribute("href").replaceFirst("^.*/console/items/", "");
    }
}
