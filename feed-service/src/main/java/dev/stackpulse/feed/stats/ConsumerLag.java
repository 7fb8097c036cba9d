package dev.stackpulse.feed.stats;

import dev.stackpulse.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import io.smallrye.common.annotation.Identifier;

/** Lag of consumer group feed-service per partition: end offset minus committed offset (Kafka Admin client). */
@ApplicationScoped
public class ConsumerLag {

    static final String GROUP = "feed-service";
    private static final long TIMEOUT_SECONDS = 5;

    private final Map<String, Object> kafka;
    private Admin admin;

    /** {@code kafka} is every {@code kafka.*} setting (bootstrap servers, SASL, TLS), as the channels get them. */
    public ConsumerLag(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    public record PartitionLag(String topic, int partition, Long committed, long end, long lag) {
    }

    public List<PartitionLag> lag() throws Exception {
        Admin client = admin();
        Map<String, TopicDescription> topics = client.describeTopics(List.of(Topics.CATALOG, Topics.SUMMIT))
                .allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = topics.values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        var ends = client.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<PartitionLag> result = new ArrayList<>();
        for (TopicPartition p : partitions) {
            long end = ends.get(p).offset();
            OffsetAndMetadata c = committed.get(p);
            Long at = c == null ? null : c.offset();
            result.add(new PartitionLag(p.topic(), p.partition(), at, end, Math.max(0, end - (at == null ? 0 : at))));
        }
        result.sort(Comparator.comparing(PartitionLag::topic).thenComparing(PartitionLag::partition));
        return result;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            kafka.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    props.put(key, value);
                }
            });
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "feed-service-stats");
            admin = Admin.create(props);
        }
        return admin;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
