package dev.stackpulse.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The layout by feature, checked on a service's compiled main classes (ArchUnit reads the bytecode, so a qualified
 * name or a same-named import counts as well as an import): no cycle between feature packages, and each feature
 * uses only the features its service's README says it may.
 */
public final class FeaturePackages {

    private final String base;
    private final JavaClasses classes;

    private FeaturePackages(String base) {
        this.base = base;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
    }

    /** The feature packages directly below {@code base} (e.g. dev.stackpulse.catalog). */
    public static FeaturePackages of(String base) {
        return new FeaturePackages(base);
    }

    /** Fails naming every cycle between the feature packages. */
    public void assertNoCycle() {
        slices().matching(base + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Which features each feature uses (classes in {@code base} itself, such as the main class, are left out). */
    public Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = feature(c);
            if (from == null) {
                continue;
            }
            Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
            c.getDirectDependenciesFromSelf().forEach(d -> {
                String to = feature(d.getTargetClass());
                if (to != null && !to.equals(from)) {
                    targets.add(to);
                }
            });
        }
        return uses;
    }

    /** Fails unless the features are exactly {@code allowed}'s keys and each uses only what it lists. */
    public void assertUsesOnly(Map<String, Set<String>> allowed) {
        Map<String, Set<String>> uses = uses();
        if (!uses.keySet().equals(allowed.keySet())) {
            throw new AssertionError("feature packages " + uses.keySet() + ", declared " + new TreeSet<>(allowed.keySet())
                    + ": say where a new package sits in the README and in the test");
        }
        List<String> wrong = new ArrayList<>();
        uses.forEach((from, targets) -> targets.stream().filter(t -> !allowed.get(from).contains(t))
                .forEach(t -> wrong.add(from + " -> " + t)));
        if (!wrong.isEmpty()) {
            throw new AssertionError("dependencies against the declared direction: " + wrong + " (all: " + uses + ")");
        }
    }

    private String feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(base + ".")) {
            return null;
        }
        String rest = pkg.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
