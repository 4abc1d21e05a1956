package org.frontdoor.triage.strategy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.payload.StrategyDiscussionHeld;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.directory.PartnerDirectoryCopy.Partner;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.validation.Text;

/**
 * A strategy discussion about a contact's child (Working Together): when it was held, the front door's staff and the
 * partner agencies invited (police and health always), what each agency shared, the decision (an s47 enquiry or
 * not, and any immediate protective action) and the minutes. Recorded once, as held ({@link #hold}).
 */
@Entity
@Table(name = "strategy_discussion")
public class StrategyDiscussion extends PanacheEntityBase {

    /** A little leeway for the clocks of the caller's machine: "now" is not the future. */
    static final long CLOCK_LEEWAY_MINUTES = 5;

    @Id
    public UUID id;

    @Column(name = "triage_item_id", nullable = false)
    public UUID triageItemId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "held_at", nullable = false)
    public Instant heldAt;

    @Column(name = "section47_enquiry", nullable = false)
    public boolean section47Enquiry;

    @Column(name = "immediate_protective_action")
    public String immediateProtectiveAction;

    @Column(nullable = false)
    public String minutes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "strategy_discussion_agency", joinColumns = @JoinColumn(name = "discussion_id"))
    @OrderBy("organisationId")
    public List<AgencyAttendance> agencies = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "strategy_discussion_staff", joinColumns = @JoinColumn(name = "discussion_id"))
    @Column(name = "staff_id", nullable = false)
    @OrderBy
    public List<String> staff = new ArrayList<>();

    /** Where the organisations and the staff named are looked up: the partner directory's copy, the staff directory. */
    public interface Directories {

        Optional<Partner> organisation(String id);

        /** Whether the staff directory holds {@code id}. */
        boolean staffMember(String id);
    }

    /** The item a discussion is about: the contact's child, and when the contact was received. */
    public record About(UUID triageItemId, UUID referralId, Instant contactReceivedAt) {
    }

    /**
     * The discussion {@code command} records about {@code about}, by {@code recordedBy} at {@code now}; refused,
     * naming every field at fault, without police and health invited, held in the future or before the contact was
     * received, with an organisation the directory does not hold as active, a member of staff it does not hold, or
     * no minutes.
     */
    public static StrategyDiscussion hold(About about, StrategyDiscussionCommand command, Directories directories,
            String recordedBy, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        checkWhen(command.heldAt(), about.contactReceivedAt(), now, errors);
        List<AgencyAttendance> invited = invited(command.agencies(), directories, errors);
        List<String> staffIds = staff(command.staff(), directories, errors);
        if (command.section47Enquiry() == null) {
            errors.add(new FieldError("section47Enquiry", "is required: whether the discussion decided on an s47"
                    + " enquiry"));
        }
        String minutes = Text.blankToNull(command.minutes());
        if (minutes == null) {
            errors.add(new FieldError("minutes", "are required: the discussion's minutes"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        StrategyDiscussion d = new StrategyDiscussion();
        d.id = UUID.randomUUID();
        d.triageItemId = about.triageItemId();
        d.referralId = about.referralId();
        d.heldAt = command.heldAt().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        d.agencies = invited;
        d.staff = staffIds;
        d.section47Enquiry = command.section47Enquiry();
        d.immediateProtectiveAction = Text.blankToNull(command.immediateProtectiveAction());
        d.minutes = minutes;
        d.recordedBy = recordedBy;
        d.recordedAt = now;
        return d;
    }

    private static void checkWhen(Instant heldAt, Instant contactReceivedAt, Instant now, List<FieldError> errors) {
        if (heldAt == null) {
            errors.add(new FieldError("heldAt", "is required: when the discussion was held"));
        } else if (heldAt.isAfter(now.plus(CLOCK_LEEWAY_MINUTES, ChronoUnit.MINUTES))) {
            errors.add(new FieldError("heldAt", "must not be in the future: record a discussion once held"));
        } else if (heldAt.isBefore(contactReceivedAt)) {
            errors.add(new FieldError("heldAt", "must not be before the contact was received, " + contactReceivedAt));
        }
    }

    /** The agencies invited, each an active organisation of the directory, police and health among them. */
    private static List<AgencyAttendance> invited(List<StrategyDiscussionCommand.Agency> agencies,
            Directories directories, List<FieldError> errors) {
        List<AgencyAttendance> invited = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<StrategyDiscussionCommand.Agency> asked = agencies == null ? List.of() : agencies;
        for (int i = 0; i < asked.size(); i++) {
            StrategyDiscussionCommand.Agency a = asked.get(i);
            String field = "agencies[" + i + "].organisation";
            String id = a == null ? null : Text.blankToNull(a.organisation());
            if (id == null) {
                errors.add(new FieldError(field, "is required: the organisation's id in the partner directory"));
            } else if (!seen.add(id.strip())) {
                errors.add(new FieldError(field, "is invited twice"));
            } else {
                activeOrganisation(id.strip(), field, directories, errors).ifPresent(p -> invited.add(
                        new AgencyAttendance(p.id(), p.agencyType(), Boolean.TRUE.equals(a.attended()),
                                Text.blankToNull(a.shared()))));
            }
        }
        if (invited.stream().noneMatch(a -> a.agencyType == AgencyType.POLICE)) {
            errors.add(new FieldError("agencies", "must include a police agency (agency type POLICE): the police"
                    + " are invited to every strategy discussion"));
        }
        if (invited.stream().noneMatch(a -> a.agencyType == AgencyType.HEALTH)) {
            errors.add(new FieldError("agencies", "must include a health agency (agency type HEALTH): health is"
                    + " invited to every strategy discussion"));
        }
        return invited;
    }

    private static Optional<Partner> activeOrganisation(String id, String field, Directories directories,
            List<FieldError> errors) {
        Optional<Partner> found = directories.organisation(id);
        if (found.isEmpty()) {
            errors.add(new FieldError(field, "is not an organisation of the partner directory"));
        } else if (!found.get().active()) {
            errors.add(new FieldError(field, "names " + found.get().name() + ", which is no longer active in the"
                    + " partner directory"));
            return Optional.empty();
        }
        return found;
    }

    /** The staff named, each one of the staff directory, at least one. */
    private static List<String> staff(List<String> staff, Directories directories, List<FieldError> errors) {
        List<String> named = new ArrayList<>();
        if (staff == null || staff.isEmpty()) {
            errors.add(new FieldError("staff", "must name the front door's staff who took part"));
            return named;
        }
        for (int i = 0; i < staff.size(); i++) {
            String id = Text.blankToNull(staff.get(i));
            if (id == null || !directories.staffMember(id.strip())) {
                errors.add(new FieldError("staff[" + i + "]", "is not a member of the staff directory"));
            } else if (named.contains(id.strip())) {
                errors.add(new FieldError("staff[" + i + "]", "is named twice"));
            } else {
                named.add(id.strip());
            }
        }
        return named;
    }

    /** The day it was held, in England: the s47 enquiry's strategy discussion date. */
    public LocalDate heldOn() {
        return LocalDate.ofInstant(heldAt, WorkingCalendar.ENGLAND);
    }

    /** The directory ids of the agencies that attended: they are told the outcome. */
    public List<String> attendingOrganisations() {
        return agencies.stream().filter(a -> a.attended).map(a -> a.organisationId).toList();
    }

    /** What the attending agencies are told: the outcome, never the minutes nor what each shared. */
    public StrategyDiscussionHeld held(Instant now) {
        return new StrategyDiscussionHeld(id, referralId, heldAt, attendingOrganisations(), section47Enquiry,
                immediateProtectiveAction, now);
    }

    /** For the item's history and the audit trail: the decision and who attended, never the minutes. */
    public String note() {
        return "strategy discussion of " + heldOn() + (section47Enquiry ? ": s47 enquiry" : ": no s47 enquiry")
                + (immediateProtectiveAction != null ? ", immediate protective action" : "") + "; agencies attending: "
                + String.join(", ", attendingOrganisations());
    }

    public static List<StrategyDiscussion> ofItem(UUID triageItemId) {
        return list("triageItemId = ?1 order by heldAt desc, recordedAt desc", triageItemId);
    }

    /** The latest discussion of the item that decided on an s47 enquiry, if any. */
    public static Optional<StrategyDiscussion> latestDecidingAnEnquiry(UUID triageItemId) {
        return find("triageItemId = ?1 and section47Enquiry = true order by heldAt desc, recordedAt desc",
                triageItemId).firstResultOptional();
    }
}
