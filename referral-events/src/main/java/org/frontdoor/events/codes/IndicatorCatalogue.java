package org.frontdoor.events.codes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frontdoor.events.EventJson;

/**
 * The indicator catalogue shared by intake (which codes a referral may carry) and triage
 * (which level they suggest). Kept as data in {@code catalogue/indicators.json}.
 */
public final class IndicatorCatalogue {

    private static final String RESOURCE = "/catalogue/indicators.json";
    private static final IndicatorCatalogue STANDARD = load();

    private final Map<String, Indicator> byCode;

    private IndicatorCatalogue(List<Indicator> indicators) {
        Map<String, Indicator> map = new LinkedHashMap<>();
        indicators.forEach(i -> map.put(i.code(), i));
        this.byCode = Collections.unmodifiableMap(map);
    }

    public static IndicatorCatalogue standard() {
        return STANDARD;
    }

    public List<Indicator> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    private static IndicatorCatalogue load() {
        try (InputStream in = IndicatorCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = EventJson.mapper().readTree(in);
            List<Indicator> list = new ArrayList<>();
            for (JsonNode node : root.get("indicators")) {
                list.add(EventJson.mapper().treeToValue(node, Indicator.class));
            }
            return new IndicatorCatalogue(list);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
