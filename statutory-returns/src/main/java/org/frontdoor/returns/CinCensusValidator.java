package org.frontdoor.returns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.validation.Schema;

/**
 * Checks a CIN census return two ways.
 * <ol>
 * <li>{@link #validateSchema}: the written bytes against the 2025-26 schema ({@code returns/CIN_schema_2026.xsd},
 * a community copy of the DfE specification, MIT, see the licence beside it).</li>
 * <li>{@link #validate} and {@link #partition}: the DfE validation rules a front door can trip (docs:
 * docs/returns.md, "The DfE's validation rules", after data-to-insight/csc-validator-be-cin), on the model before it is written.</li>
 * </ol>
 *
 * <p>The rules live in one class per group, in the order the failures are listed: {@link IdentityRules},
 * {@link CharacteristicsRules}, {@link EpisodeRules} (with {@link ClosureRules}, {@link ActivityAfterReferralRules},
 * {@link AssessmentRules}, {@link Section47Rules}, {@link ProtectionPlanRules}, {@link CinPlanRules}) for each child
 * ({@link ChildCheck}), then {@link ReturnLevelRules} for the whole return.
 *
 * <p>Rules that cannot fail on this model are not checked: 8568 (ReferralNFA present: a boolean here),
 * 8640/8650/8866's "valid code" halves and 4180/4220's (the enums allow only valid codes; missing ones are
 * checked) and 100 (the header derives ReferenceDate from Year). 2884 is checked too (an initial
 * conference recorded both on the episode and on an s47).
 */
public final class CinCensusValidator {

    /** Classpath location of the schema. */
    public static final String SCHEMA_RESOURCE = CensusSchema.RESOURCE;

    private final WorkingDays workingDays;

    /** @param workingDays the England working-day count, for 8569Q, 8670Q and 8675Q */
    public CinCensusValidator(WorkingDays workingDays) {
        this.workingDays = Objects.requireNonNull(workingDays);
    }

    // ---------------------------------------------------------------- schema

    /** The compiled schema (thread-safe). */
    public static Schema schema() {
        return CensusSchema.SCHEMA;
    }

    /** Every schema error in a written return; empty when it is valid. */
    public List<SchemaError> validateSchema(byte[] xml) throws IOException {
        return validateSchema(new ByteArrayInputStream(xml));
    }

    /** Every schema error in a written return, read as a stream (not closed); empty when it is valid. */
    public List<SchemaError> validateSchema(InputStream xml) throws IOException {
        return CensusSchema.validate(xml);
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
            if (ChildCheck.present(child.laChildId())) {
                ids.merge(child.laChildId().strip(), 1, Integer::sum);
            }
            if (ChildCheck.present(child.upn())) {
                upns.merge(child.upn().strip(), 1, Integer::sum);
            }
        }
        List<CensusChild> accepted = new ArrayList<>();
        List<ChildFailures> failures = new ArrayList<>();
        for (CensusChild child : children) {
            List<CensusRuleFailure> found = new ChildCheck(header, child, workingDays).run(ids, upns);
            ChildFailures childFailures = new ChildFailures(child, found);
            if (!found.isEmpty()) {
                failures.add(childFailures);
            }
            if (found.isEmpty() || !childFailures.blocking()) {
                accepted.add(child);
            }
        }
        return new CensusPartition(accepted, failures, ReturnLevelRules.check(header, children));
    }
}
