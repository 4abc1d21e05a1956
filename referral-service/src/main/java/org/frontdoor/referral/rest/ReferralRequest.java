package org.frontdoor.referral.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.referral.domain.ReferralCommand;
import org.frontdoor.support.validation.PlainText;

/** A referral (contact) about one or more children, as a partner system or the front door sends it. */
@Schema(name = "ReferralRequest", description = "A concern about one or more children")
public record ReferralRequest(
        @NotNull @Valid Referrer referrer,
        @NotEmpty(message = "must name at least one child") @Size(max = 20) List<@NotNull @Valid Child> children,
        @Size(max = 20) List<@NotNull @Valid HouseholdMember> householdMembers,
        @NotNull @Valid Concerns concerns,
        @NotNull @Valid Consent consent) {

    /** The command intake takes: the same fields, whatever was sent (the rules have not been applied yet). */
    public ReferralCommand toCommand() {
        return new ReferralCommand(referrer == null ? null : referrer.toCommand(),
                children == null ? null : children.stream().map(c -> c == null ? null : c.toCommand()).toList(),
                householdMembers == null ? null : householdMembers.stream()
                        .map(m -> m == null ? null : new ReferralCommand.HouseholdMember(m.name(), m.relationship()))
                        .toList(),
                concerns == null ? null : new ReferralCommand.Concerns(concerns.summary(), concerns.indicators(),
                        concerns.immediateRisk()),
                consent == null ? null : new ReferralCommand.Consent(consent.familyAware(), consent.consentGiven(),
                        consent.reasonWithoutConsent()));
    }

    @Schema(name = "Referrer", description = "Who is worried about the child. An anonymous referral (source 9)"
            + " carries no identity; for a partner token the organisation is the token's org claim.")
    public record Referrer(
            @Schema(description = "Referral source, a DfE CIN census code: 1A-1D individuals, 2A-8 professionals,"
                    + " 9 anonymous, 10 unknown", example = "2A",
                    pattern = "^(1[A-D]|2[AB]|3[A-F]|4|5[A-D]|6|7|8|9|10)$") @NotBlank @Size(max = 2) String sourceCode,
            @Schema(example = "Hillside Primary School") @Size(max = 200) @PlainText String organisationName,
            @Schema(description = "A professional's organisation keyed in by the front door (sources 2A-8): its id in"
                    + " the partner directory (GET /api/v1/partners on the notification service), required there;"
                    + " the name defaults to the directory's. A partner system leaves it empty: its organisation is"
                    + " its token's org claim", example = "hillside-primary") @Size(max = 100) String organisationId,
            @Schema(example = "J. Patel") @Size(max = 200) @PlainText String name,
            @Schema(example = "Designated Safeguarding Lead") @Size(max = 200) @PlainText String role,
            @Schema(example = "dsl@hillside.example") @Size(max = 320) @Email String email,
            @Schema(example = "01632 960000") @Pattern(regexp = "^[+0-9 ()-]{6,25}$",
                    message = "must be a telephone number") @Size(max = 25) String phone,
            @Schema(description = "The referrer's own case reference, echoed back in feedback",
                    example = "HPS-2026-0042") @Size(max = 100) @PlainText String externalReference) {

        ReferralCommand.Referrer toCommand() {
            return new ReferralCommand.Referrer(sourceCode, organisationName, organisationId, name, role, email, phone,
                    externalReference);
        }
    }

    @Schema(name = "Child", description = "A child the concern is about: a date of birth, or for an unborn"
            + " child the expected date of birth")
    public record Child(
            @Schema(example = "Amy") @Size(max = 100) @PlainText String firstName,
            @Schema(example = "Smith") @NotBlank @Size(max = 100) @PlainText String lastName,
            @Schema(example = "2016-04-02") LocalDate dateOfBirth,
            @Schema(description = "For an unborn child", example = "2027-03-01") LocalDate expectedDateOfBirth,
            @Schema(description = "F, M, X (indeterminate) or U (not known)", example = "F")
            @NotBlank @Size(max = 1) @Pattern(regexp = "^[FMXU]$", message = "must be F, M, X or U") String gender,
            @Schema(description = "10 digits, with a valid check digit", example = "9434765919") @Size(max = 20) String nhsNumber,
            @Valid Address address,
            @Schema(example = "Hillside Primary School") @Size(max = 200) @PlainText String school,
            @Schema(description = "The young person is a care leaver. Required (true) for anyone 18 or over on the"
                    + " contact's date: the front door takes young adults only as care leavers, up to 25")
            Boolean careLeaver,
            @Schema(description = "For a young adult (18 or over): their consent to share with partner agencies, when"
                    + " already asked. Without GIVEN the referrer hears only that the referral was received; the front"
                    + " door can record it later (PUT .../children/{childId}/sharing-consent)")
            @Valid SharingConsentRequest sharingConsent,
            @Schema(description = "The known child this child is, as the front door found them by searching children"
                    + " before keying the contact in (a childKey of GET /api/v1/children, on the triage service): the"
                    + " contact is linked to that child (or to the record it was merged into) instead of being matched"
                    + " by the child's details, and shows that child's earlier contacts and open case. Leave it out to"
                    + " match by NHS number, or by names, date of birth and postcode. A childKey the referral service"
                    + " does not know is refused (422)", example = "3f1c2a9e-6b7d-4e58-9a0c-1d2e3f4a5b6c")
            UUID childKey) {

        ReferralCommand.Child toCommand() {
            return new ReferralCommand.Child(firstName, lastName, dateOfBirth, expectedDateOfBirth, gender, nhsNumber,
                    address == null ? null : new ReferralCommand.Address(address.line1(), address.line2(),
                            address.town(), address.postcode()),
                    school, careLeaver, sharingConsent == null ? null : sharingConsent.toCommand(), childKey);
        }
    }

    @Schema(name = "Address")
    public record Address(
            @Schema(example = "1 High St") @Size(max = 200) @PlainText String line1,
            @Size(max = 200) @PlainText String line2,
            @Schema(example = "Doncaster") @Size(max = 100) @PlainText String town,
            @Schema(description = "A UK postcode", example = "DN1 1AA") @Size(max = 10) String postcode) {
    }

    @Schema(name = "HouseholdMember")
    public record HouseholdMember(
            @Schema(example = "Carol Smith") @NotBlank @Size(max = 200) @PlainText String name,
            @Schema(example = "mother") @Size(max = 100) @PlainText String relationship) {
    }

    @Schema(name = "Concerns")
    public record Concerns(
            @Schema(description = "What the referrer saw or was told", example = "Amy has arrived hungry most days"
                    + " this term ...") @NotBlank @Size(max = 20000) @PlainText(multiline = true) String summary,
            @Schema(description = "Codes from GET /api/v1/indicators", example = "[\"POOR_ATTENDANCE\", \"SIGNS_OF_NEGLECT\"]")
            @Size(max = 40) List<@NotNull @Size(max = 60) String> indicators,
            @Schema(description = "Any immediate risk to the child: the referral becomes urgent (red)")
            @NotNull Boolean immediateRisk) {
    }

    @Schema(name = "Consent")
    public record Consent(
            @Schema(description = "Whether the family knows of the referral") @NotNull Boolean familyAware,
            @Schema(description = "Whether the family consented to it") @NotNull Boolean consentGiven,
            @Schema(description = "Required without consent: why the referral goes ahead (e.g. telling the family"
                    + " would put the child at risk)") @Size(max = 2000) @PlainText(multiline = true)
            String reasonWithoutConsent) {
    }
}
