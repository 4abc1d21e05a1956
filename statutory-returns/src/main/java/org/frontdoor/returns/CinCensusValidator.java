package org.frontdoor.returns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.frontdoor.events.codes.AssessmentFactor;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Upn;
import org.frontdoor.events.codes.UpnUnknownReason;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a CIN census return two ways.
 * <ol>
 * <li>{@link #validateSchema}: the written bytes against the 2025-26 schema ({@code returns/CIN_schema_2026.xsd},
 * a community copy of the DfE specification, MIT, see the licence beside it).</li>
 * <li>{@link #validate} and {@link #partition}: the DfE validation rules a front door can trip (docs:
 * docs/returns.md, "The DfE's validation rules", after data-to-insight/csc-validator-be-cin), on the model before it is written.</li>
 * </ol>
 *
 * <p>Rules that cannot fail on this model are not checked: 8568 (ReferralNFA present: a boolean here),
 * 8640/8650/8866's "valid code" halves and 4180/4220's (the enums allow only valid codes; missing ones are
 * checked) and 100 (the header derives ReferenceDate from Year). 2884 is checked too (an initial
 * conference recorded both on the episode and on an s47).
 */
public final class CinCensusValidator {

    /** Classpath location of the schema. */
    public static final String SCHEMA_RESOURCE = "/returns/CIN_schema_2026.xsd";

    private static final Schema SCHEMA = loadSchema();
    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private final WorkingDays workingDays;

    /** @param workingDays the England working-day count, for 8569Q, 8670Q and 8675Q */
    public CinCensusValidator(WorkingDays workingDays) {
        this.workingDays = Objects.requireNonNull(workingDays);
    }

    // ---------------------------------------------------------------- schema

    /** The compiled schema (thread-safe). */
    public static Schema schema() {
        return SCHEMA;
    }

    /** Every schema error in a written return; empty when it is valid. */
    public List<SchemaError> validateSchema(byte[] xml) throws IOException {
        return validateSchema(new ByteArrayInputStream(xml));
    }

    /** Every schema error in a written return, read as a stream (not closed); empty when it is valid. */
    public List<SchemaError> validateSchema(InputStream xml) throws IOException {
        List<SchemaError> errors = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("cannot lock down the XML validator", e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(new SchemaError(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                errors.add(new SchemaError(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
                throw e;
            }
        });
        try {
            validator.validate(new StreamSource(xml));
        } catch (SAXParseException e) {
            // not well formed: already recorded by fatalError
        } catch (SAXException e) {
            errors.add(new SchemaError(-1, -1, e.getMessage()));
        }
        return errors;
    }

    private static Schema loadSchema() {
        URL xsd = CinCensusValidator.class.getResource(SCHEMA_RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is missing");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile " + SCHEMA_RESOURCE, e);
        }
    }

    // ---------------------------------------------------------------- rules

    /** Every rule failure: each child's in the order given, then the return's. */
    public List<CensusRuleFailure> validate(CensusHeader header, List<CensusChild> children) {
        return partition(header, children).all();
    }

    /** The children that pass (no errors; queries allowed) and the failures of the rest. */
    public CensusPartition partition(CensusHeader header, List<CensusChild> children) {
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> upns = new HashMap<>();
        for (CensusChild child : children) {
            if (present(child.laChildId())) {
                ids.merge(child.laChildId().strip(), 1, Integer::sum);
            }
            if (present(child.upn())) {
                upns.merge(child.upn().strip(), 1, Integer::sum);
            }
        }
        List<CensusChild> accepted = new ArrayList<>();
        List<ChildFailures> failures = new ArrayList<>();
        for (CensusChild child : children) {
            ChildCheck check = new ChildCheck(header, child);
            check.run(ids, upns);
            if (check.failures.isEmpty()) {
                accepted.add(child);
            } else {
                ChildFailures childFailures = new ChildFailures(child, check.failures);
                failures.add(childFailures);
                if (!childFailures.blocking()) {
                    accepted.add(child);
                }
            }
        }
        return new CensusPartition(accepted, failures, returnLevel(header, children));
    }

    private List<CensusRuleFailure> returnLevel(CensusHeader header, List<CensusChild> children) {
        List<CensusRuleFailure> failures = new ArrayList<>();
        if (!children.isEmpty()) {
            long noSex = children.stream()
                    .filter(c -> (c.sex() == null || c.sex() == CensusSex.UNKNOWN) && c.expectedBirthDate() == null)
                    .count();
            if (noSex * 50 > children.size()) { // more than 2%
                failures.add(new CensusRuleFailure(null, "2886Q", true, String.format(
                        "%d of %d born children (more than 2%%) have no sex recorded (U or missing)", noSex,
                        children.size()), null));
            }
        }
        long plans = 0;
        long conferences = 0;
        for (CensusChild child : children) {
            for (CensusEpisode episode : child.episodes()) {
                if (header.inPeriod(episode.dateOfInitialCpc())) {
                    conferences++;
                }
                for (Section47 s47 : episode.section47s()) {
                    if (header.inPeriod(s47.dateOfInitialCpc())) {
                        conferences++;
                    }
                }
                for (ProtectionPlan plan : episode.protectionPlans()) {
                    if (header.inPeriod(plan.start())) {
                        plans++;
                    }
                }
            }
        }
        if (plans > conferences) {
            failures.add(new CensusRuleFailure(null, "2883", false, String.format(
                    "%d child protection plans start in the year but only %d initial conferences took place in it",
                    plans, conferences), null));
        }
        return failures;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean after(LocalDate date, LocalDate limit) {
        return date != null && limit != null && date.isAfter(limit);
    }

    private static boolean before(LocalDate date, LocalDate limit) {
        return date != null && limit != null && date.isBefore(limit);
    }

    /** The rules for one child. */
    private final class ChildCheck {

        private final CensusHeader header;
        private final CensusChild child;
        private final String id;
        private final LocalDate referenceDate;
        private final List<CensusRuleFailure> failures = new ArrayList<>();

        ChildCheck(CensusHeader header, CensusChild child) {
            this.header = header;
            this.child = child;
            this.id = child.laChildId();
            this.referenceDate = header.referenceDate();
        }

        void error(String rule, String field, String message) {
            failures.add(new CensusRuleFailure(id, rule, false, message, field));
        }

        void query(String rule, String field, String message) {
            failures.add(new CensusRuleFailure(id, rule + "Q", true, message, field));
        }

        void run(Map<String, Integer> ids, Map<String, Integer> upns) {
            identity(ids);
            upn(upns);
            upnMissing();
            sexAndBirth();
            characteristics();
            if (child.episodes().isEmpty()) {
                error("8590", "CINdetails", "The child has no CIN episode (CINdetails)");
            }
            episodesTogether();
            List<CensusEpisode> episodes = child.episodes();
            for (int e = 0; e < episodes.size(); e++) {
                CensusEpisode episode = episodes.get(e);
                if (episode == null) {
                    error("8600", "CINdetails[" + (e + 1) + "]", "The episode is missing (null)");
                    continue;
                }
                episode(episode, "CINdetails[" + (e + 1) + "]");
            }
        }

        // rule group 1: LAchildID (8500, 8510, 1570, 1580)
        private void identity(Map<String, Integer> ids) {
            if (!present(id)) {
                error("8500", "LAchildID", "LAchildID is missing");
                return;
            }
            String trimmed = id.strip();
            if (ids.getOrDefault(trimmed, 0) > 1) {
                error("8510", "LAchildID", "Another child in the return has the same LAchildID " + trimmed);
            }
            if (trimmed.length() > 20) {
                error("1570", "LAchildID", "LAchildID is longer than 20 characters");
            }
            if (!trimmed.chars().allMatch(Character::isLetterOrDigit)) {
                error("1580", "LAchildID", "LAchildID may only have letters and digits");
            }
        }

        // rule group 2: UPN (1510, 1520, 1530, 1540, 1550, 1560Q)
        private void upn(Map<String, Integer> upns) {
            if (present(child.upn())) {
                String upn = child.upn().strip();
                if (upn.length() == 13) {
                    Upn.checkLetter(upn).filter(letter -> letter != upn.charAt(0)).ifPresent(letter -> error("1510",
                            "UPN", "The UPN's check letter is wrong: characters 2-13 call for " + letter));
                    if (!Upn.hasRecognisedLaCode(upn)) {
                        error("1530", "UPN", "Characters 2-4 of the UPN are not a recognised LA code");
                    }
                    if (!Upn.middleIsNumeric(upn)) {
                        error("1540", "UPN", "Characters 5-12 of the UPN are not all digits");
                    }
                    if (!Upn.lastCharacterIsValid(upn)) {
                        error("1550", "UPN", "Character 13 of the UPN is not a digit or a letter other than I, O, S");
                    }
                }
                if (upns.getOrDefault(upn, 0) > 1) {
                    error("1520", "UPN", "Another child in the return has the same UPN");
                }
            }
            String former = child.formerUpn();
            if (present(former) && !(Upn.isValid(former.strip()) && Upn.hasRecognisedLaCode(former.strip()))) {
                query("1560", "FormerUPN", "The former UPN is not a well formed UPN with the right check letter");
            }
        }

        // rule group 3: UPN or a reason (8770Q, 8772)
        private void upnMissing() {
            boolean furtherAction = child.episodes().stream().anyMatch(e -> e != null && !e.referralNfa());
            // of school age by the September after the census: born on or before 31 August, reference year - 4
            LocalDate schoolAge = LocalDate.of(header.year() - 4, Month.AUGUST, 31);
            if (furtherAction && child.birthDate() != null && !child.birthDate().isAfter(schoolAge)
                    && !present(child.upn())
                    && (child.upnUnknown() == null || child.upnUnknown() == UpnUnknownReason.UNDER_SIX_NO_UPN)) {
                query("8770", "UPN", "A child of school age with a referral that went on to further action has"
                        + " no UPN and no reason for it other than UN1");
            }
            if (child.upnUnknown() == UpnUnknownReason.REFERRAL_NFA && furtherAction) {
                error("8772", "UPNunknown", "UPNunknown is UN7 (referral with no further action) but a referral"
                        + " went on to further action");
            }
        }

        // rule groups 4 and 5: sex, date of birth (4180, 8750, 8525Q, 8520, 8606)
        private void sexAndBirth() {
            if (child.sex() == null) {
                error("4180", "Sex", "Sex is missing (M, F or U)");
            } else if (child.unborn() && child.sex() != CensusSex.UNKNOWN) {
                error("8750", "Sex", "An unborn child's sex must be U");
            }
            if ((child.birthDate() == null) == (child.expectedBirthDate() == null)) {
                query("8525", "PersonBirthDate", child.birthDate() == null
                        ? "Neither a date of birth nor an expected date of birth"
                        : "Both a date of birth and an expected date of birth: give one");
            }
            if (after(child.birthDate(), referenceDate)) {
                error("8520", "PersonBirthDate", "The date of birth is after the census's reference date");
            }
            for (int e = 0; e < child.episodes().size(); e++) {
                CensusEpisode episode = child.episodes().get(e);
                if (episode == null || episode.referralDate() == null) {
                    continue;
                }
                LocalDate referral = episode.referralDate();
                if (before(referral, child.birthDate() == null ? null : child.birthDate().minusDays(280))
                        || before(referral, child.expectedBirthDate() == null ? null
                                : child.expectedBirthDate().minusDays(280))) {
                    error("8606", "CINdetails[" + (e + 1) + "]/CINreferralDate",
                            "The referral is more than 280 days (40 weeks) before the (expected) date of birth");
                }
            }
        }

        // rule group 6: ethnicity, disabilities (4220, 8540, 8790, 8794)
        private void characteristics() {
            if (child.ethnicity() == null) {
                error("4220", "Ethnicity", "Ethnicity is missing");
            }
            List<Disability> disabilities = child.disabilities();
            boolean furtherAction = child.episodes().stream().anyMatch(e -> e != null && !e.referralNfa());
            if (disabilities.contains(null)) {
                error("8540", "Disabilities", "A disability is missing (null) in the list");
            } else if (child.birthDate() != null && furtherAction && disabilities.isEmpty()) {
                error("8540", "Disabilities", "A born child with a referral that went on to further action needs"
                        + " a disability code (NONE if none)");
            }
            if (disabilities.contains(Disability.NONE) && disabilities.size() > 1) {
                error("8790", "Disabilities", "NONE cannot be given with other disabilities");
            }
            if (new HashSet<>(disabilities).size() < disabilities.size()) {
                error("8794", "Disabilities", "A disability code is given more than once");
            }
        }

        // rule group 14: episodes together (8815, 8816, 8820)
        private void episodesTogether() {
            List<CensusEpisode> episodes = child.episodes();
            LocalDate latest = episodes.stream().filter(Objects::nonNull).map(CensusEpisode::referralDate)
                    .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
            long openFurther = episodes.stream().filter(e -> e != null && e.open() && !e.referralNfa()).count();
            for (int i = 0; i < episodes.size(); i++) {
                CensusEpisode episode = episodes.get(i);
                if (episode == null) {
                    continue;
                }
                String at = "CINdetails[" + (i + 1) + "]";
                if (episode.open() && !episode.referralNfa()) {
                    if (openFurther > 1) {
                        error("8815", at + "/CINclosureDate", "More than one open episode that is not an NFA referral");
                    }
                    if (episode.referralDate() != null && !episode.referralDate().equals(latest)) {
                        error("8816", at + "/CINreferralDate", "An open episode that is not an NFA referral must be"
                                + " the child's latest");
                    }
                }
                LocalDate start = episode.referralDate();
                if (start == null) {
                    continue;
                }
                for (int j = 0; j < episodes.size(); j++) {
                    CensusEpisode other = episodes.get(j);
                    if (j == i || other == null || other.referralDate() == null || start.isBefore(other.referralDate())) {
                        continue;
                    }
                    // one episode may start on the day another closes
                    boolean inside = other.closureDate() != null ? start.isBefore(other.closureDate())
                            : !other.referralNfa() && !start.isAfter(referenceDate);
                    if (inside) {
                        error("8820", at + "/CINreferralDate", "The episode starts while episode " + (j + 1)
                                + " is still open: episodes overlap");
                        break;
                    }
                }
            }
        }

        private void episode(CensusEpisode episode, String at) {
            LocalDate referral = episode.referralDate();
            // rule group 7: referral (8600, 8866)
            if (referral == null || referral.isAfter(referenceDate)) {
                error("8600", at + "/CINreferralDate", referral == null ? "The referral date is missing"
                        : "The referral date is after the census's reference date");
            }
            if (episode.source() == null) {
                error("8866", at + "/ReferralSource", "The referral source is missing");
            }
            // rule group 8: NFA before the year (8569Q)
            if (episode.referralNfa() && referral != null
                    && referral.isBefore(workingDays.previousWorkingDay(header.periodStart()))) {
                query("8569", at + "/ReferralNFA", "A referral from before the working day before 1 April cannot be"
                        + " flagged no further action in this return");
            }
            // rule group 9: nothing after an NFA referral (8831, 8832, 4000)
            if (episode.referralNfa()) {
                boolean icpc = episode.dateOfInitialCpc() != null
                        || episode.section47s().stream().anyMatch(s -> s != null && s.dateOfInitialCpc() != null);
                if (!episode.assessments().isEmpty() || !episode.section47s().isEmpty() || icpc) {
                    error("8831", at + "/ReferralNFA", "An NFA referral has an assessment, s47 enquiry or initial"
                            + " conference");
                }
                if (!episode.protectionPlans().isEmpty()) {
                    error("8832", at + "/ChildProtectionPlans", "An NFA referral has a child protection plan");
                }
                if (!episode.cinPlans().isEmpty()) {
                    error("4000", at + "/CINPlanDates", "An NFA referral has a CIN plan");
                }
            } else if (episode.primaryNeed() == null) {
                // rule group 10 (8610)
                error("8610", at + "/PrimaryNeedCode", "The primary need is missing for a referral that went on to"
                        + " further action");
            }
            closure(episode, at);
            activityAfterReferral(episode, at);
            assessments(episode, at);
            section47s(episode, at);
            protectionPlans(episode, at);
        }

        // rule groups 11, 12, 13: closure (8805, 8810, 8620, 8630, 8565, 2990, 8825Q, 8873Q)
        private void closure(CensusEpisode episode, String at) {
            LocalDate closed = episode.closureDate();
            if (closed != null && episode.closureReason() == null) {
                error("8805", at + "/ReasonForClosure", "The episode has a closure date but no reason for closure");
            }
            if (closed == null && episode.closureReason() != null) {
                error("8810", at + "/CINclosureDate", "The episode has a reason for closure but no closure date");
            }
            if (closed != null && !header.inPeriod(closed)) {
                error("8620", at + "/CINclosureDate", "The closure date is not in the census year");
            }
            if (before(closed, episode.referralDate())) {
                error("8630", at + "/CINclosureDate", "The closure date is before the referral date");
            }
            if (closed != null) {
                List<LocalDate> activity = new ArrayList<>();
                activity.add(episode.dateOfInitialCpc());
                for (CensusAssessment a : episode.assessments()) {
                    if (a != null) {
                        activity.add(a.start());
                        activity.add(a.authorised());
                    }
                }
                for (Section47 s : episode.section47s()) {
                    if (s != null) {
                        activity.add(s.start());
                        activity.add(s.dateOfInitialCpc());
                    }
                }
                for (ProtectionPlan p : episode.protectionPlans()) {
                    if (p != null) {
                        activity.add(p.end());
                    }
                }
                for (CinPlan p : episode.cinPlans()) {
                    if (p != null) {
                        activity.add(p.start());
                        activity.add(p.end());
                    }
                }
                if (activity.stream().anyMatch(d -> after(d, closed))) {
                    error("8565", at + "/CINclosureDate", "Activity is recorded after the episode closed");
                }
            }
            if (episode.closureReason() != null && episode.closureReason().closedAfterAssessment()) {
                String reason = episode.closureReason().code();
                if (!episode.section47s().isEmpty() || episode.dateOfInitialCpc() != null
                        || !episode.protectionPlans().isEmpty() || !episode.cinPlans().isEmpty()) {
                    error("2990", at + "/ReasonForClosure", reason + " (closed after assessment) but the episode has"
                            + " an s47 enquiry, initial conference or plan");
                }
                if (episode.assessments().isEmpty()) {
                    query("8825", at + "/ReasonForClosure", reason + " (closed after assessment) but the episode has"
                            + " no assessment");
                }
            }
            if (episode.assessments().size() == 1 && episode.assessments().get(0) != null
                    && episode.assessments().get(0).factors().contains(AssessmentFactor.NONE)
                    && (episode.closureReason() == null || !episode.closureReason().closedAfterAssessment())) {
                query("8873", at + "/ReasonForClosure", "The episode's only assessment found no factors (21): it"
                        + " should close with RC8 or RC9");
            }
        }

        // rule group 15: nothing before the referral (1103, 2889, 1104, 1105, 4015)
        private void activityAfterReferral(CensusEpisode episode, String at) {
            LocalDate referral = episode.referralDate();
            if (referral == null) {
                return;
            }
            for (int i = 0; i < episode.assessments().size(); i++) {
                CensusAssessment a = episode.assessments().get(i);
                if (a != null && before(a.start(), referral)) {
                    error("1103", at + "/Assessments[" + (i + 1) + "]/AssessmentActualStartDate",
                            "The assessment starts before the referral");
                }
            }
            if (before(episode.dateOfInitialCpc(), referral)) {
                error("1104", at + "/DateOfInitialCPC", "The initial conference is before the referral");
            }
            for (int i = 0; i < episode.section47s().size(); i++) {
                Section47 s = episode.section47s().get(i);
                if (s == null) {
                    continue;
                }
                if (before(s.start(), referral)) {
                    error("2889", at + "/Section47[" + (i + 1) + "]/S47ActualStartDate",
                            "The s47 enquiry starts before the referral");
                }
                if (before(s.dateOfInitialCpc(), referral)) {
                    error("1104", at + "/Section47[" + (i + 1) + "]/DateOfInitialCPC",
                            "The initial conference is before the referral");
                }
            }
            for (int i = 0; i < episode.protectionPlans().size(); i++) {
                ProtectionPlan p = episode.protectionPlans().get(i);
                if (p != null && before(p.start(), referral)) {
                    error("1105", at + "/ChildProtectionPlans[" + (i + 1) + "]/CPPstartDate",
                            "The child protection plan starts before the referral");
                }
            }
            for (int i = 0; i < episode.cinPlans().size(); i++) {
                CinPlan p = episode.cinPlans().get(i);
                if (p != null && before(p.start(), referral)) {
                    error("4015", at + "/CINPlanDates[" + (i + 1) + "]/CINPlanStartDate",
                            "The CIN plan starts before the referral");
                }
            }
        }

        // rule groups 16, 17: assessments (8608, 8696, 8736, 8896, 8863Q, 8670Q, 8867; 8614, 8897Q, 8869,
        // 8898, 8945Q, 8950Q)
        private void assessments(CensusEpisode episode, String at) {
            List<CensusAssessment> assessments = episode.assessments();
            long open = assessments.stream().filter(a -> a != null && a.open()).count();
            for (int i = 0; i < assessments.size(); i++) {
                CensusAssessment a = assessments.get(i);
                String here = at + "/Assessments[" + (i + 1) + "]";
                if (a == null) {
                    error("8608", here, "The assessment is missing (null)");
                    continue;
                }
                if (before(a.authorised(), a.start())) {
                    error("8608", here + "/AssessmentAuthorisationDate", "The assessment is authorised before it"
                            + " starts");
                }
                if (a.authorised() != null && !header.inPeriod(a.authorised())) {
                    error("8696", here + "/AssessmentAuthorisationDate", "The authorisation date is not in the"
                            + " census year");
                }
                if (a.open()) {
                    if (a.start() != null && !header.inPeriod(a.start())) {
                        error("8736", here + "/AssessmentActualStartDate", "An open assessment must start in the"
                                + " census year");
                    }
                    if (open > 1) {
                        error("8896", here + "/AssessmentAuthorisationDate", "More than one open assessment in the"
                                + " episode");
                    }
                    if (a.start() != null && workingDays.between(a.start(), referenceDate) > 45) {
                        query("8670", here + "/AssessmentActualStartDate", "The assessment has been open more than"
                                + " 45 working days at the end of the year");
                    }
                    if (!episode.open()) {
                        error("8867", here + "/AssessmentAuthorisationDate", "The episode is closed but the"
                                + " assessment is not authorised");
                    }
                    if (!a.factors().isEmpty()) {
                        error("8614", here + "/FactorsIdentifiedAtAssessment", "Factors are recorded on an"
                                + " assessment that is not authorised");
                    }
                }
                for (int j = 0; j < assessments.size() && a.start() != null; j++) {
                    CensusAssessment other = assessments.get(j);
                    if (j == i || other == null || other.start() == null || a.start().isBefore(other.start())) {
                        continue;
                    }
                    LocalDate otherEnd = other.authorised() != null ? other.authorised() : referenceDate;
                    if (!a.start().isAfter(otherEnd)) {
                        query("8863", here + "/AssessmentActualStartDate", "The assessment starts while assessment "
                                + (j + 1) + " is going on");
                        break;
                    }
                }
                factors(a, here);
            }
        }

        private void factors(CensusAssessment a, String here) {
            List<AssessmentFactor> factors = a.factors();
            String field = here + "/FactorsIdentifiedAtAssessment";
            if (a.authorised() != null && !a.authorised().isBefore(header.periodStart())
                    && factors.stream().noneMatch(Objects::nonNull)) {
                query("8897", field, "An authorised assessment has no factors (21 if none)");
            }
            if (factors.contains(AssessmentFactor.NONE) && factors.size() > 1) {
                error("8869", field, "Factor 21 (no factors) cannot be given with other factors");
            }
            if (new HashSet<>(factors).size() < factors.size()) {
                error("8898", field, "A factor is given more than once");
            }
            if (factors.contains(AssessmentFactor.PHYSICAL_ABUSE)) {
                query("8945", field, "Factor 18A is retired: use 18B (by a child) or 18C (by an adult)");
            }
            if (factors.contains(AssessmentFactor.SEXUAL_ABUSE)) {
                query("8950", field, "Factor 19A is retired: use 19B (by a child) or 19C (by an adult)");
            }
        }

        // rule group 18: s47 enquiries (8615, 8715, 8740, 8839, 8890, 8868, 8675Q, 8875, 8870Q, 2991Q), and 2884
        private void section47s(CensusEpisode episode, String at) {
            List<Section47> enquiries = episode.section47s();
            long open = enquiries.stream().filter(s -> s != null && s.open()).count();
            if (!enquiries.isEmpty() && episode.assessments().isEmpty()) {
                query("2991", at + "/Section47", "An s47 enquiry is recorded but the episode has no assessment");
            }
            for (int i = 0; i < enquiries.size(); i++) {
                Section47 s = enquiries.get(i);
                String here = at + "/Section47[" + (i + 1) + "]";
                if (s == null) {
                    error("8615", here, "The s47 enquiry is missing (null)");
                    continue;
                }
                LocalDate icpc = s.dateOfInitialCpc();
                if (icpc != null && (s.start() == null || s.start().isAfter(icpc))) {
                    error("8615", here + "/S47ActualStartDate", "The s47 enquiry must start on or before its initial"
                            + " conference");
                }
                if (icpc != null && !header.inPeriod(icpc)) {
                    error("8715", here + "/DateOfInitialCPC", "The initial conference is not in the census year");
                }
                if (icpc != null && WEEKEND.contains(icpc.getDayOfWeek())) {
                    error("8875", here + "/DateOfInitialCPC", "The initial conference is on a weekend");
                }
                if (s.initialCpcTarget() != null && WEEKEND.contains(s.initialCpcTarget().getDayOfWeek())) {
                    query("8870", here + "/InitialCPCtarget", "The initial conference target date is on a weekend");
                }
                if (icpc != null && icpc.equals(episode.dateOfInitialCpc())) {
                    error("2884", here + "/DateOfInitialCPC", "The initial conference is recorded both on the episode"
                            + " and on the s47 enquiry: record it once");
                }
                if (s.open()) {
                    if (s.start() != null && !header.inPeriod(s.start())) {
                        error("8740", here + "/S47ActualStartDate", "An s47 enquiry with no conference by the end of"
                                + " the year must start in the census year");
                    }
                    if (open > 1) {
                        error("8839", here + "/DateOfInitialCPC", "More than one open s47 enquiry in the episode");
                    }
                    if (s.start() != null && workingDays.between(s.start(), referenceDate) > 15) {
                        query("8675", here + "/S47ActualStartDate", "The s47 enquiry started more than 15 working"
                                + " days before the end of the year and has no initial conference");
                    }
                }
                if (!episode.open() && (s.open() || (icpc != null && s.icpcNotRequired()))) {
                    error("8868", here + "/ICPCnotRequired", "The episode is closed: the s47 enquiry needs either an"
                            + " initial conference date or ICPC not required, not both");
                }
                for (int j = 0; j < enquiries.size() && s.start() != null; j++) {
                    Section47 other = enquiries.get(j);
                    if (j == i || other == null || other.start() == null || s.start().isBefore(other.start())) {
                        continue;
                    }
                    LocalDate otherEnd = other.dateOfInitialCpc() != null ? other.dateOfInitialCpc()
                            : other.icpcNotRequired() ? null : referenceDate;
                    if (otherEnd != null && !s.start().isAfter(otherEnd)) {
                        error("8890", here + "/S47ActualStartDate", "The s47 enquiry starts while s47 enquiry "
                                + (j + 1) + " is going on");
                        break;
                    }
                }
            }
        }

        // rule group 19: a plan starts at a conference (2885)
        private void protectionPlans(CensusEpisode episode, String at) {
            Set<LocalDate> conferences = new HashSet<>();
            if (episode.dateOfInitialCpc() != null) {
                conferences.add(episode.dateOfInitialCpc());
            }
            for (Section47 s : episode.section47s()) {
                if (s != null && s.dateOfInitialCpc() != null) {
                    conferences.add(s.dateOfInitialCpc());
                }
            }
            for (int i = 0; i < episode.protectionPlans().size(); i++) {
                ProtectionPlan p = episode.protectionPlans().get(i);
                if (p != null && header.inPeriod(p.start()) && !conferences.contains(p.start())) {
                    error("2885", at + "/ChildProtectionPlans[" + (i + 1) + "]/CPPstartDate", "The child protection"
                            + " plan does not start on the date of an initial conference in the episode");
                }
            }
        }
    }
}
