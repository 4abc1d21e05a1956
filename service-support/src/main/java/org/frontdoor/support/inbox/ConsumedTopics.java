package org.frontdoor.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.frontdoor.events.Topics;

/**
 * The topics this service consumes and the dead-letter topic of each, from its channels' configuration (which does
 * not change while it runs). A dead-letter topic belongs to one consumer: {@code <topic>.<consumer group>.dlq}, so
 * two services that read the same topic never share one, and one service's Kafka login cannot plant a message that
 * another service's ops would replay (docs/reliability.md).
 */
@ApplicationScoped
public class ConsumedTopics {

    private static final String PREFIX = "mp.messaging.incoming.";

    @Inject
    Config config;

    /** Consumed topic to its dead-letter topic. */
    private volatile Map<String, String> deadLetterTopics;

    /** Every consumed topic, sorted. */
    public List<String> topics() {
        return List.copyOf(map().keySet());
    }

    /** This service's dead-letter topic for messages of {@code topic}. */
    public String deadLetterTopic(String topic) {
        String dead = map().get(topic);
        if (dead == null) {
            throw new IllegalArgumentException("this service consumes no topic " + topic);
        }
        return dead;
    }

    /** The topic whose dead letters lie on {@code deadLetterTopic}, if it is one of this service's. */
    public Optional<String> originalTopic(String deadLetterTopic) {
        return map().entrySet().stream().filter(e -> e.getValue().equals(deadLetterTopic)).map(Map.Entry::getKey)
                .findFirst();
    }

    private Map<String, String> map() {
        if (deadLetterTopics == null) {
            Map<String, String> topics = new TreeMap<>();
            for (String name : config.getPropertyNames()) {
                if (name.startsWith(PREFIX) && name.endsWith(".topic") && !name.contains(".dead-letter-queue.")) {
                    String channel = name.substring(PREFIX.length(), name.length() - ".topic".length());
                    config.getOptionalValue(name, String.class).ifPresent(topic -> topics.put(topic,
                            Topics.deadLetterTopic(topic, group(channel))));
                }
            }
            deadLetterTopics = Map.copyOf(topics);
        }
        return deadLetterTopics;
    }

    /** The channel's consumer group: its own, else the connector's default (as SmallRye picks it). */
    private String group(String channel) {
        return config.getOptionalValue(PREFIX + channel + ".group.id", String.class)
                .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                .or(() -> config.getOptionalValue("quarkus.application.name", String.class))
                .orElseThrow(() -> new IllegalStateException("channel " + channel + " has no group.id"));
    }
}
