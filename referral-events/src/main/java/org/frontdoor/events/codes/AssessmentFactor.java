package org.frontdoor.events.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Factors identified at the end of an assessment, as the DfE Children in Need census codes them, in
 * the order of the 2025-26 schema. Letters: A the child, B a parent or carer, C another member of the
 * household. {@link #NONE} (21) stands alone and means no further action.
 *
 * <p>{@link #PHYSICAL_ABUSE} (18A) and {@link #SEXUAL_ABUSE} (19A) are retired: DfE split them into
 * 18B/18C and 19B/19C, and the census validator queries them (8945Q, 8950Q). The 2026 schema still
 * accepts them, so they are kept here to read older records; never record them anew ({@link #retired()}).
 */
public enum AssessmentFactor implements Coded {
    ALCOHOL_CHILD("1A", "Alcohol misuse by the child"),
    ALCOHOL_PARENT("1B", "Alcohol misuse by a parent or carer"),
    ALCOHOL_HOUSEHOLD("1C", "Alcohol misuse by another person in the household"),
    DRUGS_CHILD("2A", "Drug misuse by the child"),
    DRUGS_PARENT("2B", "Drug misuse by a parent or carer"),
    DRUGS_HOUSEHOLD("2C", "Drug misuse by another person in the household"),
    DOMESTIC_ABUSE_CHILD("3A", "Domestic abuse: the child is the subject"),
    DOMESTIC_ABUSE_PARENT("3B", "Domestic abuse: a parent or carer is the subject"),
    DOMESTIC_ABUSE_HOUSEHOLD("3C", "Domestic abuse: another person in the household is the subject"),
    MENTAL_HEALTH_CHILD("4A", "Mental health of the child"),
    MENTAL_HEALTH_PARENT("4B", "Mental health of a parent or carer"),
    MENTAL_HEALTH_HOUSEHOLD("4C", "Mental health of another person in the family or household"),
    LEARNING_DISABILITY_CHILD("5A", "Learning disability of the child"),
    LEARNING_DISABILITY_PARENT("5B", "Learning disability of a parent or carer"),
    LEARNING_DISABILITY_HOUSEHOLD("5C", "Learning disability of another person in the family or household"),
    PHYSICAL_DISABILITY_CHILD("6A", "Physical disability or illness of the child"),
    PHYSICAL_DISABILITY_PARENT("6B", "Physical disability or illness of a parent or carer"),
    PHYSICAL_DISABILITY_HOUSEHOLD("6C", "Physical disability or illness of another person in the family or household"),
    YOUNG_CARER("7A", "Young carer"),
    PRIVATE_FOSTERING_OVERSEAS_RETURNING("8B", "Privately fostered: overseas child who intends to return"),
    PRIVATE_FOSTERING_OVERSEAS_STAYING("8C", "Privately fostered: overseas child who intends to stay"),
    PRIVATE_FOSTERING_EDUCATION("8D", "Privately fostered: UK child in an educational placement"),
    PRIVATE_FOSTERING_FAMILY_ARRANGEMENT("8E", "Privately fostered: UK child in an alternative family arrangement"),
    PRIVATE_FOSTERING_OTHER("8F", "Privately fostered: other"),
    UNACCOMPANIED_ASYLUM_SEEKER("9A", "Unaccompanied asylum-seeking child"),
    MISSING("10A", "Going or being missing"),
    SEXUAL_EXPLOITATION("11A", "Child sexual exploitation"),
    TRAFFICKING("12A", "Trafficking"),
    GANGS("13A", "Gangs"),
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR("14A", "Socially unacceptable behaviour"),
    SELF_HARM("15A", "Self-harm"),
    NEGLECT("16A", "Neglect"),
    EMOTIONAL_ABUSE("17A", "Emotional abuse"),
    /** Retired: use {@link #PHYSICAL_ABUSE_BY_CHILD} or {@link #PHYSICAL_ABUSE_BY_ADULT}. */
    PHYSICAL_ABUSE("18A", "Physical abuse (retired: use 18B or 18C)"),
    PHYSICAL_ABUSE_BY_CHILD("18B", "Physical abuse by another child"),
    PHYSICAL_ABUSE_BY_ADULT("18C", "Physical abuse by an adult"),
    /** Retired: use {@link #SEXUAL_ABUSE_BY_CHILD} or {@link #SEXUAL_ABUSE_BY_ADULT}. */
    SEXUAL_ABUSE("19A", "Sexual abuse (retired: use 19B or 19C)"),
    SEXUAL_ABUSE_BY_CHILD("19B", "Sexual abuse by another child"),
    SEXUAL_ABUSE_BY_ADULT("19C", "Sexual abuse by an adult"),
    OTHER("20", "Other"),
    NONE("21", "No factors identified"),
    FEMALE_GENITAL_MUTILATION("22A", "Female genital mutilation"),
    FAITH_OR_BELIEF("23A", "Abuse linked to faith or belief"),
    CRIMINAL_EXPLOITATION("24A", "Child criminal exploitation");

    private final String code;
    private final String label;

    AssessmentFactor(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The DfE code, e.g. {@code 3B} or {@code 21}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** In plain words, for people. */
    public String label() {
        return label;
    }

    /** 18A or 19A: still in the schema, queried by the census validator, not to be recorded anew. */
    public boolean retired() {
        return this == PHYSICAL_ABUSE || this == SEXUAL_ABUSE;
    }

    public static Optional<AssessmentFactor> fromCode(String code) {
        return Coded.lookup(AssessmentFactor.class, code);
    }
}
