// Structural schemas for the Strimzi v1beta2 resources the overlays use (Kafka in KRaft mode, KafkaNodePool,
// KafkaTopic, KafkaUser), written from the Strimzi API reference. They cover the fields we set, reject unknown fields
// there (so a typo fails), and encode the rules Strimzi enforces at admission (listener names and ports, roles).
const quantity = { anyOf: [{ type: "string", pattern: "^[0-9.]+([a-zA-Z]{0,2})$" }, { type: "number" }] };
const resources = {
  type: "object",
  additionalProperties: false,
  properties: {
    requests: { type: "object", additionalProperties: quantity },
    limits: { type: "object", additionalProperties: quantity },
  },
};
const labelSelector = {
  type: "object",
  properties: {
    matchLabels: { type: "object", additionalProperties: { type: "string" } },
    matchExpressions: { type: "array" },
  },
  additionalProperties: false,
};
const metadata = (requiredLabels = []) => ({
  type: "object",
  required: ["name", ...(requiredLabels.length ? ["labels"] : [])],
  properties: {
    name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", maxLength: 253 },
    namespace: { type: "string" },
    labels: {
      type: "object",
      additionalProperties: { type: "string" },
      required: requiredLabels,
    },
    annotations: { type: "object", additionalProperties: { type: "string" } },
  },
});
const volume = {
  type: "object",
  additionalProperties: false,
  required: ["type"],
  properties: {
    id: { type: "integer", minimum: 0 },
    type: { enum: ["ephemeral", "persistent-claim"] },
    size: { type: "string" },
    class: { type: "string" },
    deleteClaim: { type: "boolean" },
    kraftMetadata: { enum: ["shared"] },
  },
};

/** Keyed by "<apiVersion> <kind>". */
export const strimziSchemas = {};

strimziSchemas["kafka.strimzi.io/v1beta2 KafkaTopic"] = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  additionalProperties: false,
  properties: {
    apiVersion: { const: "kafka.strimzi.io/v1beta2" },
    kind: { const: "KafkaTopic" },
    metadata: metadata(["strimzi.io/cluster"]),
    spec: {
      type: "object",
      additionalProperties: false,
      properties: {
        topicName: { type: "string", pattern: "^[a-zA-Z0-9._-]{1,249}$" },
        partitions: { type: "integer", minimum: 1 },
        replicas: { type: "integer", minimum: 1, maximum: 32767 },
        config: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] } },
      },
    },
  },
};

// KafkaUser with SCRAM or TLS authentication and simple authorization (ACLs, "operations" list form).
const ACL_OPERATIONS = ["Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction", "AlterConfigs",
  "DescribeConfigs", "IdempotentWrite", "All"];
strimziSchemas["kafka.strimzi.io/v1beta2 KafkaUser"] = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  additionalProperties: false,
  properties: {
    apiVersion: { const: "kafka.strimzi.io/v1beta2" },
    kind: { const: "KafkaUser" },
    metadata: metadata(["strimzi.io/cluster"]),
    spec: {
      type: "object",
      additionalProperties: false,
      properties: {
        authentication: {
          type: "object",
          additionalProperties: false,
          required: ["type"],
          properties: {
            type: { enum: ["tls", "tls-external", "scram-sha-512"] },
            password: { type: "object" },
          },
        },
        authorization: {
          type: "object",
          additionalProperties: false,
          required: ["type", "acls"],
          properties: {
            type: { const: "simple" },
            acls: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["resource", "operations"],
                properties: {
                  type: { enum: ["allow", "deny"] },
                  host: { type: "string" },
                  operations: { type: "array", minItems: 1, uniqueItems: true, items: { enum: ACL_OPERATIONS } },
                  resource: {
                    type: "object",
                    additionalProperties: false,
                    required: ["type"],
                    properties: {
                      type: { enum: ["topic", "group", "cluster", "transactionalId"] },
                      name: { type: "string", minLength: 1 },
                      patternType: { enum: ["literal", "prefix"] },
                    },
                  },
                },
              },
            },
          },
        },
        quotas: { type: "object" },
        template: { type: "object" },
      },
    },
  },
};

strimziSchemas["kafka.strimzi.io/v1beta2 KafkaNodePool"] = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  additionalProperties: false,
  properties: {
    apiVersion: { const: "kafka.strimzi.io/v1beta2" },
    kind: { const: "KafkaNodePool" },
    metadata: metadata(["strimzi.io/cluster"]),
    spec: {
      type: "object",
      additionalProperties: false,
      required: ["replicas", "roles", "storage"],
      properties: {
        replicas: { type: "integer", minimum: 0 },
        roles: { type: "array", minItems: 1, uniqueItems: true, items: { enum: ["controller", "broker"] } },
        storage: {
          type: "object",
          additionalProperties: false,
          required: ["type"],
          properties: {
            type: { enum: ["ephemeral", "persistent-claim", "jbod"] },
            size: { type: "string" },
            class: { type: "string" },
            deleteClaim: { type: "boolean" },
            kraftMetadata: { enum: ["shared"] },
            volumes: { type: "array", minItems: 1, items: volume },
          },
        },
        resources,
        jvmOptions: { type: "object" },
        template: { type: "object" },
      },
    },
  },
};

strimziSchemas["kafka.strimzi.io/v1beta2 Kafka"] = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  additionalProperties: false,
  properties: {
    apiVersion: { const: "kafka.strimzi.io/v1beta2" },
    kind: { const: "Kafka" },
    metadata: metadata(),
    spec: {
      type: "object",
      additionalProperties: false,
      required: ["kafka"],
      properties: {
        kafka: {
          type: "object",
          additionalProperties: false,
          required: ["listeners"],
          properties: {
            version: { type: "string" },
            metadataVersion: { type: "string" },
            listeners: {
              type: "array",
              minItems: 1,
              items: {
                type: "object",
                additionalProperties: false,
                required: ["name", "port", "type", "tls"],
                properties: {
                  name: { type: "string", pattern: "^[a-z0-9]{1,11}$" },
                  // Strimzi reserves the ports below 9092 and 9404 (metrics) and 9999 (JMX).
                  port: { type: "integer", minimum: 9092, not: { enum: [9404, 9999] } },
                  type: { enum: ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"] },
                  tls: { type: "boolean" },
                  authentication: { type: "object" },
                  configuration: { type: "object" },
                  networkPolicyPeers: {
                    type: "array",
                    items: {
                      type: "object",
                      additionalProperties: false,
                      properties: { podSelector: labelSelector, namespaceSelector: labelSelector, ipBlock: { type: "object" } },
                    },
                  },
                },
              },
            },
            config: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] } },
            authorization: { type: "object" },
            resources,
            jvmOptions: { type: "object" },
            template: { type: "object" },
          },
        },
        entityOperator: {
          type: "object",
          additionalProperties: false,
          properties: { topicOperator: { type: "object" }, userOperator: { type: "object" }, template: { type: "object" } },
        },
        cruiseControl: { type: "object" },
        kafkaExporter: { type: "object" },
      },
    },
  },
};
