/**
 * Statutory returns, in plain Java (no CDI, no database): the DfE Children in Need census and Ofsted's
 * Annex A front-door lists. The caller chooses who is in a return and maps its data to these records.
 *
 * <p>The census, from model to file and error list:
 * <pre>{@code
 * CensusHeader header = new CensusHeader(2026, "873", "FrontDoor", version, serialNo, Instant.now());
 * CinCensusValidator validator = new CinCensusValidator(calendar::workingDaysBetween); // England calendar
 * CensusPartition checked = validator.partition(header, children);
 * try (OutputStream out = Files.newOutputStream(file)) {
 *     new CinCensusWriter().write(header, checked.accepted(), out);     // or open(header, out) and child(...)
 * }
 * List<SchemaError> schemaErrors = validator.validateSchema(Files.newInputStream(file));
 * checked.failures();    // per child: errors (child left out) and queries (child kept)
 * checked.returnLevel(); // about the whole return (2886Q, 2883)
 * }</pre>
 *
 * <p>Annex A, lists 1 to 5:
 * <pre>{@code
 * AnnexA annex = AnnexA.sixMonthsEnding(inspectionEve);
 * List<AnnexAList> lists = annex.lists(contacts, earlyHelp, referrals, assessments, enquiries);
 * new AnnexAXlsxWriter().write(lists, out);              // one workbook, sheets "List 1".."List 5"
 * new AnnexACsvWriter(true).write(lists.get(0), csvOut); // or a CSV per list
 * }</pre>
 */
package org.frontdoor.returns;
