package org.frontdoor.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.frontdoor.e2e.Actors.Partner;
import org.frontdoor.testsupport.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link KillNineIT} with two instances of each service, as two pods each: the same databases and consumer groups
 * (each topic's partitions shared between them), referrals posted to both intake instances and decisions made on both
 * triage instances. Mid-stream the instance holding each service's outbox relay lease is killed with SIGKILL: the
 * referral and triage ones started again at once, the notification one left down until the referrals are all in, so
 * its partner takes its partitions and its lease over. At the end nothing is lost or duplicated (every referral
 * triaged once, every referrer acknowledged once), and each relay honoured the lease: on every topic, each referral's
 * events first appear in the order they were written, whichever instance published them.
 */
class KillNineReplicasIT {

    private static final int REFERRALS = Integer.getInteger("e2e.kill.replicas.referrals", 300);
    private static final int PER_SECOND = Integer.getInteger("e2e.kill.rate", 10);
    private static final String ORG = "kill-replicas-academy";
    private static final List<String> SERVICES = List.of("referral-service", "triage-service", "notification-service");
    /** Each service's group and the topic that carries its main work. */
    private static final Map<String, String> MAIN_TOPIC = Map.of("referral-service", "triage-events",
            "triage-service", "referral-events", "notification-service", "referral-notices");
    /** The topics each service's outbox publishes to, keyed by referral id. */
    private static final Map<String, List<String>> PUBLISHES = Map.of(
            "referral-service", List.of("referral-events", "referral-notices"),
            "triage-service", List.of("triage-events"), "notification-service", List.of("notification-events"));

    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
        SERVICES.forEach(s -> pipeline.service(s).startIfDown());
        SERVICES.forEach(s -> pipeline.replica(s, 2).start());
    }

    /** The other tests of this JVM find one instance of each service, as before. */
    @AfterAll
    static void stopReplicas() {
        SERVICES.forEach(s -> pipeline.replica(s, 2).stop());
    }

    @Test
    void killingTheLeaseHoldersAmongTwoInstancesLosesNothingAndKeepsEachReferralsOrder() throws Exception {
        awaitPartitionsShared();
        try (Partner academy = Partner.subscribed(pipeline, ORG, "2A")) {
            academy.receiver().answerNext(500, 503, 500); // and the partner's own endpoint has a bad moment
            KillRun run = new KillRun(pipeline, ORG, "KILL2-", urls("referral-service"), urls("triage-service"));
            long started = run.start(REFERRALS, PER_SECOND);
            long runSeconds = REFERRALS / PER_SECOND;
            Map<String, String> killed = new LinkedHashMap<>();
            ServiceProcess leftDown = null;
            for (int v = 0; v < SERVICES.size(); v++) {
                long at = started + TimeUnit.SECONDS.toNanos(runSeconds * (v + 1) / 5);
                ServiceProcess.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime())));
                ServiceProcess holder = leaseHolder(SERVICES.get(v));
                holder.kill();
                killed.put(SERVICES.get(v), holder.name());
                if (v < SERVICES.size() - 1) {
                    holder.start();
                } else {
                    leftDown = holder;
                }
            }
            long sendSeconds = run.finish();
            leftDown.start();
            System.out.printf("kill -9 on two replicas: %d referrals at %d/s over %d s to both intake instances;"
                    + " the lease holders killed: %s (the last started again only once the referrals were in)%n",
                    REFERRALS, PER_SECOND, sendSeconds, killed);
            run.assertNothingLostOrTwice("kill -9 on two replicas", REFERRALS, academy);
            assertRelaysKeptEachReferralsOrder(run.referralIds());
        }
    }

    private static List<String> urls(String service) {
        return List.of(pipeline.service(service).url(), pipeline.replica(service, 2).url());
    }

    /** The instance whose relay holds the service's outbox lease now (the first if none does). */
    private static ServiceProcess leaseHolder(String service) {
        List<String> holders = pipeline.strings(service, "select holder from outbox_relay_lease");
        String name = holders.isEmpty() ? service : holders.get(0).substring(0, holders.get(0).indexOf('/'));
        System.out.printf("kill -9 on two replicas: %s's relay lease held by %s%n", service, holders);
        return name.equals(service) ? pipeline.service(service) : pipeline.replica(service, 2);
    }

    /** Each service's group has both instances as members, each reading some partitions of its main topic. */
    private static void awaitPartitionsShared() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> SERVICES.stream()
                    .allMatch(s -> readsSome(admin, s, s + ".") && readsSome(admin, s, s + "-2.")));
            for (String s : SERVICES) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(s)).all().get().get(s);
                System.out.printf("kill -9 on two replicas: group %s: %s%n", s, group.members().stream()
                        .filter(m -> !m.assignment().topicPartitions().isEmpty())
                        .map(m -> m.clientId() + " " + m.assignment().topicPartitions()).toList());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a member whose client id starts with {@code prefix} has partitions of the group's main topic. */
    private static boolean readsSome(Admin admin, String group, String prefix) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            for (MemberDescription m : description.members()) {
                if (m.clientId().startsWith(prefix) && m.assignment().topicPartitions().stream()
                        .anyMatch(p -> p.topic().equals(MAIN_TOPIC.get(group)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * On every topic, each referral's events in the order its service wrote them (the outbox's id order), each at
     * least once; an event sent again after a kill (acknowledged by the broker, not yet marked) may repeat, but never
     * before an event written ahead of it, which is what consumers rely on.
     */
    private static void assertRelaysKeptEachReferralsOrder(List<String> referralIds) {
        String ours = "('" + String.join("','", referralIds) + "')";
        int events = 0;
        int records = 0;
        for (String service : SERVICES) {
            Map<String, List<String>> written = new LinkedHashMap<>();
            for (String row : pipeline.strings(service, "select topic || ' ' || message_key || ' ' || event_id"
                    + " from outbox_event where message_key in " + ours + " and dead_at is null order by id")) {
                String[] f = row.split(" ");
                written.computeIfAbsent(f[0] + " " + f[1], k -> new ArrayList<>()).add(f[2]);
            }
            assertEquals(0, pipeline.count(service, "select count(*) from outbox_event where message_key in " + ours
                    + " and (published_at is null or dead_at is not null)"), service + ": every event published");
            Map<String, List<String>> onTopics = new LinkedHashMap<>();
            for (String topic : PUBLISHES.get(service)) {
                for (ConsumerRecord<String, String> r : KafkaProbe.readAll(pipeline.kafkaBootstrap(), topic)) {
                    if (written.containsKey(topic + " " + r.key())) {
                        onTopics.computeIfAbsent(topic + " " + r.key(), k -> new ArrayList<>()).add(eventId(r));
                        records++;
                    }
                }
            }
            for (Map.Entry<String, List<String>> e : written.entrySet()) {
                List<String> firsts = new ArrayList<>(new LinkedHashSet<>(onTopics.getOrDefault(e.getKey(), List.of())));
                assertEquals(e.getValue(), firsts, service + ": the events of " + e.getKey() + " in the order written");
                events += e.getValue().size();
            }
        }
        System.out.printf("kill -9 on two replicas: %d events of these referrals written, %d records on the topics"
                + " (%d sent again after a kill), each referral's in the order written%n", events, records,
                records - events);
        assertTrue(records >= events);
    }

    private static String eventId(ConsumerRecord<String, String> r) {
        Header h = r.headers().lastHeader("event-id");
        return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
