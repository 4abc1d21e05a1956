package org.frontdoor.notification.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.frontdoor.support.paging.Paging;

/** The page of a notification list, as the query gives it (read by {@link QueryReader#page}). */
public class PageParams {

    @Parameter(description = "Page, from 0", example = "0", schema = @Schema(type = SchemaType.INTEGER,
            format = "int32", minimum = "0", maximum = Paging.MAX_PAGE_TEXT, defaultValue = "0"))
    @QueryParam("page")
    @DefaultValue("0")
    String page;

    @Parameter(description = "Items a page", example = Paging.DEFAULT_SIZE, schema = @Schema(
            type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = Paging.MAX_SIZE_TEXT,
            defaultValue = Paging.DEFAULT_SIZE))
    @QueryParam("size")
    @DefaultValue(Paging.DEFAULT_SIZE)
    String size;

    QueryReader.PageRequest read(QueryReader query) {
        return query.page(page, size, Paging.MAX_PAGE, Paging.MAX_SIZE);
    }
}
