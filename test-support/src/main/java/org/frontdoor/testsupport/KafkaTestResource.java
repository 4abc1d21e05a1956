package org.frontdoor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Points a Quarkus test at a real Kafka broker: {@code kafka.bootstrap.servers} is env
 * {@code KAFKA_BOOTSTRAP_SERVERS} when set, else the per-JVM {@link KafkaServer#shared()}.
 *
 * <p>Creates the pipeline's topics (and each consumer's dead-letter topic) before the application
 * starts, as Strimzi or the local run would: a consumer that subscribes to a topic that does
 * not exist yet only sees its partitions after a metadata refresh, minutes later. Init arg
 * {@code topics} (comma-separated) adds more.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String OUTSIDE_BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    private static final int PARTITIONS = 3;

    private final List<String> topics = new ArrayList<>();

    @Override
    public void init(Map<String, String> initArgs) {
        topics.addAll(LocalInfrastructure.TOPICS);
        topics.addAll(LocalInfrastructure.DEAD_LETTER_TOPICS);
        String extra = initArgs.get("topics");
        if (extra != null && !extra.isBlank()) {
            Arrays.stream(extra.split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(topics::add);
        }
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = bootstrapServers();
        createTopics(bootstrap, topics);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        // the shared broker lives until the JVM exits, so later test classes reuse it
    }

    /** Outside a Quarkus test: the bootstrap servers to use (starts the shared broker when needed). */
    public static String bootstrapServers() {
        String outside = PostgresTestResource.env(OUTSIDE_BOOTSTRAP_ENV);
        return outside != null ? outside : KafkaServer.shared().bootstrapServers();
    }

    /** Creates topics on any broker; topics that exist already are left as they are. */
    public static void createTopics(String bootstrapServers, List<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(LocalInfrastructure.newTopic(name, PARTITIONS))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
