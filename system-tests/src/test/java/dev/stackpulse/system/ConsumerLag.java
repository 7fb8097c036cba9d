package dev.stackpulse.system;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits until a consumer group has committed every record of a topic: it processed all that was published. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    static void awaitCaughtUp(String bootstrapServers, String group, String topic, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Awaitility.await(group + " caught up on " + topic).atMost(timeout).pollInterval(Duration.ofMillis(300))
                    .until(() -> lag(admin, group, topic) == 0);
        }
    }

    /**
     * Waits up to {@code timeout} for the group to commit every record of the topics; returns how many partitions
     * still lag then (0 = nothing stalled).
     */
    static long stalledPartitions(String bootstrapServers, String group, Duration timeout, String... topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            try {
                Awaitility.await(group + " caught up").atMost(timeout).pollInterval(Duration.ofMillis(300))
                        .until(() -> lagging(admin, group, topics) == 0);
            } catch (ConditionTimeoutException stalled) {
                // counted below
            }
            return lagging(admin, group, topics);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long lagging(Admin admin, String group, String... topics) throws Exception {
        long lagging = 0;
        for (String topic : topics) {
            lagging += partitionsLagging(admin, group, topic);
        }
        return lagging;
    }

    private static long partitionsLagging(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        long lagging = 0;
        for (var end : admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            if (end.getValue().offset() > (done == null ? 0 : done.offset())) {
                lagging++;
            }
        }
        return lagging;
    }

    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }
}
