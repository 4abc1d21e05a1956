package org.frontdoor.returns;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.Disability;

/**
 * Writes the DfE Children in Need census return ({@code Message}) as XML with StAX, one child at a
 * time, so that a return of tens of thousands of children never sits in memory as a tree.
 *
 * <p>The shape follows CIN_schema_2026.xsd: no namespace, the schema's element order, dates
 * {@code YYYY-MM-DD}, flags {@code 1}/{@code 0}, {@code DateTime} as local time in England to the
 * second. An optional element whose value is null, blank or an empty list is left out, wrappers
 * included ({@code Disabilities}, {@code FactorsIdentifiedAtAssessment}, {@code Reviews}): the schema
 * rejects empty ones. A required element whose value is null is written empty, so that schema
 * validation names it rather than the file quietly losing it.
 *
 * <p>The writer does not decide who is in the return nor check the rules: see {@link CinCensusValidator}.
 */
public final class CinCensusWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** Writes the whole return; {@code out} is flushed, not closed. */
    public void write(CensusHeader header, Iterable<CensusChild> children, OutputStream out) throws IOException {
        try (Session session = open(header, out)) {
            for (CensusChild child : children) {
                session.child(child);
            }
        }
    }

    /**
     * Starts a return: writes the header and opens {@code Children}. Add each child with
     * {@link Session#child(CensusChild)} (e.g. page by page from a database) and close the session to
     * finish the document. {@code out} is flushed on close, not closed.
     */
    public Session open(CensusHeader header, OutputStream out) throws IOException {
        Session session = new Session(out);
        session.begin(header);
        return session;
    }

    /** One return being written. Not thread-safe. */
    public static final class Session implements AutoCloseable {

        private final BufferedOutputStream out;
        private final XMLStreamWriter xml;
        private int depth;
        private int children;
        private boolean closed;

        private Session(OutputStream target) throws IOException {
            this.out = new BufferedOutputStream(target, 64 * 1024);
            try {
                this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            } catch (XMLStreamException e) {
                throw new IOException("cannot write XML", e);
            }
        }

        /** Children written so far. */
        public int children() {
            return children;
        }

        /** Writes one {@code Child}. */
        public void child(CensusChild child) throws IOException {
            if (closed) {
                throw new IllegalStateException("the return is already closed");
            }
            try {
                writeChild(child);
            } catch (XMLStreamException e) {
                throw new IOException("cannot write child " + child.laChildId(), e);
            }
            children++;
        }

        /** Closes {@code Children} and {@code Message} and flushes. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                end(); // Children
                end(); // Message
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.flush();
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot finish the return", e);
            }
            out.flush();
        }

        private void begin(CensusHeader header) throws IOException {
            try {
                xml.writeStartDocument("UTF-8", "1.0");
                start("Message");
                start("Header");
                start("CollectionDetails");
                leaf("Collection", "CIN");
                leaf("Year", Integer.toString(header.year()));
                leaf("ReferenceDate", header.referenceDate());
                end();
                start("Source");
                leaf("SourceLevel", "L");
                required("LEA", header.laCode());
                optional("SoftwareCode", header.softwareCode());
                optional("Release", header.release());
                leaf("SerialNo", String.format("%03d", header.serialNo()));
                if (header.generatedAt() != null) {
                    leaf("DateTime", DATE_TIME.format(
                            LocalDateTime.ofInstant(header.generatedAt().truncatedTo(ChronoUnit.SECONDS), ENGLAND)));
                }
                end();
                end();
                start("Children");
            } catch (XMLStreamException e) {
                throw new IOException("cannot write the header", e);
            }
        }

        private void writeChild(CensusChild child) throws XMLStreamException {
            start("Child");
            start("ChildIdentifiers");
            required("LAchildID", child.laChildId());
            optional("UPN", child.upn());
            optional("FormerUPN", child.formerUpn());
            optional("UPNunknown", child.upnUnknown() == null ? null : child.upnUnknown().code());
            optionalDate("PersonBirthDate", child.birthDate());
            optionalDate("ExpectedPersonBirthDate", child.expectedBirthDate());
            required("Sex", child.sex() == null ? null : child.sex().code());
            optionalDate("PersonDeathDate", child.deathDate());
            end();

            start("ChildCharacteristics");
            required("Ethnicity", child.ethnicity() == null ? null : child.ethnicity().code());
            List<Disability> disabilities = child.disabilities().stream().filter(d -> d != null).toList();
            if (!disabilities.isEmpty()) {
                start("Disabilities");
                for (Disability disability : disabilities) {
                    leaf("Disability", disability.code());
                }
                end();
            }
            end();

            for (CensusEpisode episode : child.episodes()) {
                writeEpisode(episode);
            }
            end();
        }

        private void writeEpisode(CensusEpisode episode) throws XMLStreamException {
            start("CINdetails");
            requiredDate("CINreferralDate", episode.referralDate());
            required("ReferralSource", episode.source() == null ? null : episode.source().code());
            optional("PrimaryNeedCode", episode.primaryNeed() == null ? null : episode.primaryNeed().code());
            optionalDate("CINclosureDate", episode.closureDate());
            optional("ReasonForClosure", episode.closureReason() == null ? null : episode.closureReason().code());
            optionalDate("DateOfInitialCPC", episode.dateOfInitialCpc());
            for (CensusAssessment assessment : episode.assessments()) {
                writeAssessment(assessment);
            }
            for (CinPlan plan : episode.cinPlans()) {
                start("CINPlanDates");
                requiredDate("CINPlanStartDate", plan.start());
                optionalDate("CINPlanEndDate", plan.end());
                end();
            }
            for (Section47 s47 : episode.section47s()) {
                writeSection47(s47);
            }
            leaf("ReferralNFA", flag(episode.referralNfa()));
            for (ProtectionPlan plan : episode.protectionPlans()) {
                writeProtectionPlan(plan);
            }
            end();
        }

        private void writeAssessment(CensusAssessment assessment) throws XMLStreamException {
            start("Assessments");
            requiredDate("AssessmentActualStartDate", assessment.start());
            optionalDate("AssessmentAuthorisationDate", assessment.authorised());
            List<AssessmentFactor> factors = assessment.factors().stream().filter(f -> f != null).toList();
            if (!factors.isEmpty()) {
                start("FactorsIdentifiedAtAssessment");
                for (AssessmentFactor factor : factors) {
                    leaf("AssessmentFactors", factor.code());
                }
                end();
            }
            end();
        }

        private void writeSection47(Section47 s47) throws XMLStreamException {
            start("Section47");
            requiredDate("S47ActualStartDate", s47.start());
            optionalDate("InitialCPCtarget", s47.initialCpcTarget());
            optionalDate("DateOfInitialCPC", s47.dateOfInitialCpc());
            leaf("ICPCnotRequired", flag(s47.icpcNotRequired()));
            end();
        }

        private void writeProtectionPlan(ProtectionPlan plan) throws XMLStreamException {
            start("ChildProtectionPlans");
            requiredDate("CPPstartDate", plan.start());
            optionalDate("CPPendDate", plan.end());
            required("InitialCategoryOfAbuse", plan.initialCategory() == null ? null : plan.initialCategory().code());
            required("LatestCategoryOfAbuse", plan.latestCategory() == null ? null : plan.latestCategory().code());
            leaf("NumberOfPreviousCPP", Integer.toString(plan.previousPlans()));
            List<LocalDate> reviews = plan.reviews().stream().filter(r -> r != null).toList();
            if (!reviews.isEmpty()) {
                start("Reviews");
                for (LocalDate review : reviews) {
                    leaf("CPPreviewDate", review);
                }
                end();
            }
            end();
        }

        private static String flag(boolean value) {
            return value ? "1" : "0";
        }

        private void start(String name) throws XMLStreamException {
            indent();
            xml.writeStartElement(name);
            depth++;
        }

        private void end() throws XMLStreamException {
            depth--;
            indent();
            xml.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            xml.writeCharacters("\n");
            for (int i = 0; i < depth; i++) {
                xml.writeCharacters("  ");
            }
        }

        private void leaf(String name, String text) throws XMLStreamException {
            indent();
            xml.writeStartElement(name);
            xml.writeCharacters(XmlChars.strip(text));
            xml.writeEndElement();
        }

        private void leaf(String name, LocalDate date) throws XMLStreamException {
            leaf(name, date.toString()); // ISO: YYYY-MM-DD
        }

        private void required(String name, String text) throws XMLStreamException {
            leaf(name, text == null ? "" : text.strip());
        }

        private void requiredDate(String name, LocalDate date) throws XMLStreamException {
            leaf(name, date == null ? "" : date.toString());
        }

        private void optional(String name, String text) throws XMLStreamException {
            if (text != null && !text.isBlank()) {
                leaf(name, text.strip());
            }
        }

        private void optionalDate(String name, LocalDate date) throws XMLStreamException {
            if (date != null) {
                leaf(name, date);
            }
        }
    }
}
