package dev.stackpulse.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of {@link LocalInfra}; port 0 means "pick a free one". {@code --ephemeral} (tests): the data
 * is deleted at exit, so PostgreSQL runs without fsync. {@code --app-password-file}: the application role's
 * password, made on first use (absent: the tests' {@code stackpulse}).
 */
record InfraOptions(Path dataDir, int postgresPort, int kafkaPort, int controllerPort, List<String> databases,
                    Map<String, Integer> topics, String kafkaHeap, boolean ephemeral, boolean detached,
                    Path appPasswordFile) {

    /** The application role's password when no file is given: what the tests' settings pass. */
    static final String TEST_APP_PASSWORD = "stackpulse";

    static InfraOptions parse(String[] args) {
        Path dataDir = Path.of(".stackpulse");
        int pg = 0;
        int kafka = 0;
        int controller = 0;
        List<String> databases = new ArrayList<>();
        Map<String, Integer> topics = new LinkedHashMap<>();
        String heap = "256m";
        boolean ephemeral = false;
        boolean detached = false;
        Path appPasswordFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--postgres-port" -> pg = Integer.parseInt(args[++i]);
                case "--kafka-port" -> kafka = Integer.parseInt(args[++i]);
                case "--controller-port" -> controller = Integer.parseInt(args[++i]);
                case "--databases" -> databases.addAll(List.of(args[++i].split(",")));
                case "--topics" -> parseTopics(args[++i], topics);
                case "--kafka-heap" -> heap = args[++i];
                case "--ephemeral" -> ephemeral = true;
                case "--detached" -> detached = true;
                case "--app-password-file" -> appPasswordFile = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new InfraOptions(dataDir.toAbsolutePath(), pg, kafka, controller, databases, topics, heap, ephemeral,
                detached, appPasswordFile);
    }

    /** {@code name:partitions,name:partitions}. */
    private static void parseTopics(String spec, Map<String, Integer> topics) {
        for (String topic : spec.split(",")) {
            String[] parts = topic.split(":");
            topics.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
        }
    }
}
