package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The JSON schemas (validate.mjs) accept unknown fields, so a misspelt field ("readinesProbe") would be silently
 * ignored by them and by the API server's non-strict mode. Here each built-in object is read into the typed
 * Kubernetes model; anything the model does not define lands in an additionalProperties map and fails the test.
 */
class UnknownFieldTest {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", Namespace.class, "v1/ConfigMap", ConfigMap.class, "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class, "apps/v1/StatefulSet", StatefulSet.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyFieldOfEveryBuiltInObjectIsDefinedByTheKubernetesApi(String overlay) {
        for (Map<String, Object> object : Overlay.render(overlay).objects()) {
            String type = object.get("apiVersion") + "/" + object.get("kind");
            if (type.startsWith("kafka.strimzi.io/") || type.startsWith("monitoring.coreos.com/")) {
                continue; // checked by validate/validate.mjs (Strimzi: strimzi-schemas.mjs; PrometheusRule: its CRD schema)
            }
            assertEquals(List.of(), unknownFields(object), overlay + ": " + KustomizeRenderTest.id(object));
        }
    }

    @Test
    void aMisspeltFieldIsFound() {
        Map<String, Object> typo = Yaml.parseAll("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: x, image: i, readinesProbe: {httpGet: {path: /q/health/ready, port: http}}}]
                """).get(0);
        assertEquals(List.of("spec.template.spec.containers[0].readinesProbe"), unknownFields(typo));
    }

    private List<String> unknownFields(Map<String, Object> object) {
        Class<?> model = MODELS.get(object.get("apiVersion") + "/" + object.get("kind"));
        assertNotNull(model, "no typed model for " + object.get("apiVersion") + " " + object.get("kind"));
        List<String> unknown = new ArrayList<>();
        walk(mapper.convertValue(object, model), "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
            if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    walk(item, path + "[" + i++ + "]", unknown);
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> walk(v, path + "." + k, unknown));
            }
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                    || !m.getName().startsWith("get")) {
                continue;
            }
            Object child = invoke(m, value);
            if (m.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) child).keySet().forEach(k -> unknown.add((path + "." + k).substring(1)));
            } else {
                walk(child, path + "." + property(m), unknown);
            }
        }
    }

    private static String property(Method m) {
        String name = m.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(m + " on " + target.getClass(), e);
        }
    }
}
