package org.frontdoor.returns;

import java.util.List;

/**
 * One Annex A list, ready to write: header row and rows of cell text (dates already {@code dd/MM/yyyy},
 * pick lists already spelled as the template's). Blank cells are empty strings.
 *
 * @param sheetName the sheet's name, e.g. {@code List 1}
 * @param title what the list is, e.g. {@code Contacts}
 * @param headers the column headings
 * @param kinds each column's kind, for the spreadsheet (dates and whole numbers become real cells)
 * @param rows the rows, each as long as {@code headers}
 */
public record AnnexAList(String sheetName, String title, List<String> headers, List<Kind> kinds,
        List<List<String>> rows) {

    /** What a column holds. */
    public enum Kind {
        TEXT, DATE, INTEGER
    }

    public AnnexAList {
        headers = List.copyOf(headers);
        kinds = List.copyOf(kinds);
        rows = rows.stream().map(List::copyOf).toList();
        if (headers.size() != kinds.size()) {
            throw new IllegalArgumentException("a kind per header");
        }
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a cell per header");
            }
        }
    }

    /** A file name for the list, e.g. {@code List_1_Contacts.csv}. */
    public String fileName(String extension) {
        return (sheetName + " " + title).replaceAll("[^A-Za-z0-9]+", "_") + "." + extension;
    }
}
