package org.frontdoor.returns;

import static org.frontdoor.returns.ChildCheck.present;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import org.frontdoor.events.codes.Upn;
import org.frontdoor.events.codes.UpnUnknownReason;

/** Rule groups 1 to 3: who the child is (LAchildID, UPN, a reason for no UPN). */
final class IdentityRules {

    private IdentityRules() {
    }

    static void check(ChildCheck c, Map<String, Integer> ids, Map<String, Integer> upns) {
        laChildId(c, ids);
        upn(c, upns);
        upnMissing(c);
    }

    // rule group 1: LAchildID (8500, 8510, 1570, 1580)
    private static void laChildId(ChildCheck c, Map<String, Integer> ids) {
        if (!present(c.id())) {
            c.error("8500", "LAchildID", "LAchildID is missing");
            return;
        }
        String trimmed = c.id().strip();
        if (ids.getOrDefault(trimmed, 0) > 1) {
            c.error("8510", "LAchildID", "Another child in the return has the same LAchildID " + trimmed);
        }
        if (trimmed.length() > 20) {
            c.error("1570", "LAchildID", "LAchildID is longer than 20 characters");
        }
        if (!trimmed.chars().allMatch(Character::isLetterOrDigit)) {
            c.error("1580", "LAchildID", "LAchildID may only have letters and digits");
        }
    }

    // rule group 2: UPN (1510, 1520, 1530, 1540, 1550, 1560Q)
    private static void upn(ChildCheck c, Map<String, Integer> upns) {
        if (present(c.child.upn())) {
            String upn = c.child.upn().strip();
            if (upn.length() == 13) {
                upnCharacters(c, upn);
            }
            if (upns.getOrDefault(upn, 0) > 1) {
                c.error("1520", "UPN", "Another child in the return has the same UPN");
            }
        }
        String former = c.child.formerUpn();
        if (present(former) && !(Upn.isValid(former.strip()) && Upn.hasRecognisedLaCode(former.strip()))) {
            c.query("1560", "FormerUPN", "The former UPN is not a well formed UPN with the right check letter");
        }
    }

    private static void upnCharacters(ChildCheck c, String upn) {
        Upn.checkLetter(upn).filter(letter -> letter != upn.charAt(0)).ifPresent(letter -> c.error("1510",
                "UPN", "The UPN's check letter is wrong: characters 2-13 call for " + letter));
        if (!Upn.hasRecognisedLaCode(upn)) {
            c.error("1530", "UPN", "Characters 2-4 of the UPN are not a recognised LA code");
        }
        if (!Upn.middleIsNumeric(upn)) {
            c.error("1540", "UPN", "Characters 5-12 of the UPN are not all digits");
        }
        if (!Upn.lastCharacterIsValid(upn)) {
            c.error("1550", "UPN", "Character 13 of the UPN is not a digit or a letter other than I, O, S");
        }
    }

    // rule group 3: UPN or a reason (8770Q, 8772)
    private static void upnMissing(ChildCheck c) {
        CensusChild child = c.child;
        boolean furtherAction = c.furtherAction();
        // of school age by the September after the census: born on or before 31 August, reference year - 4
        LocalDate schoolAge = LocalDate.of(c.header.year() - 4, Month.AUGUST, 31);
        if (furtherAction && child.birthDate() != null && !child.birthDate().isAfter(schoolAge)
                && !present(child.upn())
                && (child.upnUnknown() == null || child.upnUnknown() == UpnUnknownReason.UNDER_SIX_NO_UPN)) {
            c.query("8770", "UPN", "A child of school age with a referral that went on to further action has"
                    + " no UPN and no reason for it other than UN1");
        }
        if (child.upnUnknown() == UpnUnknownReason.REFERRAL_NFA && furtherAction) {
            c.error("8772", "UPNunknown", "UPNunknown is UN7 (referral with no further action) but a referral"
                    + " went on to further action");
        }
    }
}
