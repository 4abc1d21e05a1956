package org.frontdoor.triage.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "CloseRequest", description = "Close a case with its CIN census reason")
public record CloseCommand(
        @Schema(description = "RC1 adopted; RC2 died; RC3 child arrangements order; RC4 special guardianship order;"
                + " RC5 transferred to another LA; RC6 transferred to adult services; RC7 services ceased for any"
                + " other reason; RC8 closed after assessment, no further action; RC9 closed after assessment,"
                + " referred to early help", example = "RC7", type = SchemaType.STRING,
                enumeration = { "RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9" })
        @NotBlank String reasonCode,
        @Schema(description = "Closing summary, shared with every partner agency involved",
                example = "Early help plan completed; attendance now 96% and the family is supported by the school.")
        @NotBlank @Size(max = 10000) @PlainText(multiline = true) String summary) {
}
