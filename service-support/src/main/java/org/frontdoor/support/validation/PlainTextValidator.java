package org.frontdoor.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return value.codePoints().allMatch(this::allowed);
    }

    private boolean allowed(int cp) {
        if (multiline && (cp == '\n' || cp == '\r' || cp == '\t')) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE) {
            return false;
        }
        // bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
        return !(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069);
    }
}
