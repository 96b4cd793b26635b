package tw.fine.ra.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package rules of the README's "Architecture" section, checked on the compiled classes of
 * the ejb and web modules (this module sees both). Terms:
 * <ul>
 * <li>a <em>capability</em> is any {@code tw.fine.ra.<name>} but {@code web}, {@code platform}
 * and {@code demo}, with the layers {@code boundary}, {@code control}, {@code entity};</li>
 * <li>a <em>value type</em> of a capability is a class in its {@code entity} package that is not a
 * JPA {@code @Entity} (enums, records, embeddables, exceptions, events);</li>
 * <li>{@code platform} is the ground floor; {@code demo} seeds the dev runner.</li>
 * <li>{@code tw.fine.ra.card.protocol} is {@code card-applet-agent/protocol}, a library shared with
 * the agent with rules of its own: not analysed here, and used by the {@code card} capability only.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "tw.fine.ra",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.WithoutCardProtocol.class})
class ArchitectureTest {

    private static final String CARD_PROTOCOL = "tw.fine.ra.card.protocol..";

    /** The shared card library is a dependency, not one of our packages. */
    static final class WithoutCardProtocol implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/tw/fine/ra/card/protocol/");
        }
    }

    /** Group 1 the capability, group 2 its layer (none for the capability's own package-info). */
    private static final Pattern CAPABILITY_LAYER = Pattern.compile(
            "tw\\.fine\\.ra\\.(?!(?:web|platform|demo)(?:\\.|$))(\\w+)(?:\\.(boundary|control|entity))?(?:\\..*)?");
    private static final List<String> LAYERS = List.of("entity", "control", "boundary");

    private static final DescribedPredicate<JavaClass> VALUE_TYPE =
            resideInAPackage("tw.fine.ra.*.entity..").and(not(annotatedWith(Entity.class)))
                    .as("a value type (non-@Entity class of an entity package)");

    /** Pages and their beans call boundaries; they never reach a control or a persistent entity. */
    @ArchTest
    static final ArchRule webUsesBoundariesValueTypesAndPlatformOnly = classes()
            .that().resideInAPackage("tw.fine.ra.web..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackages("tw.fine.ra..")
                    .or(resideInAPackage("tw.fine.ra.web.."))
                    .or(resideInAPackage("tw.fine.ra.*.boundary.."))
                    .or(VALUE_TYPE)
                    .or(resideInAPackage("tw.fine.ra.platform")))
            .because("the web talks to the EJB module through boundaries only (README, Architecture)");

    /**
     * Within a capability: boundary -> control -> entity, one way. Between capabilities: a boundary
     * may call another capability's boundary, and any layer may use another's value types.
     */
    @ArchTest
    static final ArchRule capabilitiesKeepTheirDirections = classes()
            .that().resideInAPackage("tw.fine.ra..")
            .should(useOtherLayersAndCapabilitiesOnlyInTheAllowedDirections());

    /** Tickets, key diversification and PIV encodings have one implementation, reached through {@code card}. */
    @ArchTest
    static final ArchRule onlyTheCardCapabilityUsesTheCardProtocol = noClasses()
            .that().resideOutsideOfPackage("tw.fine.ra.card..")
            .should().dependOnClassesThat().resideInAPackage(CARD_PROTOCOL)
            .because("the card protocol is the card capability's business (ADR 0001)");

    @ArchTest
    static final ArchRule platformImportsNothingOfOurs = noClasses()
            .that().resideInAPackage("tw.fine.ra.platform..")
            .should().dependOnClassesThat(resideInAPackage("tw.fine.ra..")
                    .and(not(resideInAPackage("tw.fine.ra.platform..")))
                    .as("any other package of ours"));

    @ArchTest
    static final ArchRule nothingUsesTheDemoData = noClasses()
            .that().resideOutsideOfPackage("tw.fine.ra.demo..")
            .should().dependOnClassesThat().resideInAPackage("tw.fine.ra.demo..");

    /** Bouncy Castle stays in the CA engine and the Argon2id hasher, so the rest never sees its types. */
    @ArchTest
    static final ArchRule bouncyCastleOnlyInTheCaAndThePasswordHasher = noClasses()
            .that().resideOutsideOfPackage("tw.fine.ra.ca..")
            .and().doNotHaveFullyQualifiedName("tw.fine.ra.account.control.PasswordHasher")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");

    /** Controls are plain CDI beans and entities are data: the transaction boundary is the boundary. */
    @ArchTest
    static final ArchRule sessionBeansSitInBoundaries = classes()
            .that().areAnnotatedWith(Stateless.class).or().areAnnotatedWith(Singleton.class)
            .or().areAnnotatedWith(Stateful.class).or().areAnnotatedWith(MessageDriven.class)
            .should().resideInAnyPackage("tw.fine.ra.*.boundary..", "tw.fine.ra.platform", "tw.fine.ra.demo")
            .because("session beans, timers and start-up singletons are boundaries (or platform/demo start-up work)");

    @ArchTest
    static final ArchRule noCyclesBetweenCapabilities = slices()
            .matching("tw.fine.ra.(*)..").namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices()
            .matching("tw.fine.ra.(**)").namingSlices("$1")
            .should().beFreeOfCycles();

    private static ArchCondition<JavaClass> useOtherLayersAndCapabilitiesOnlyInTheAllowedDirections() {
        return new ArchCondition<>("depend on their own lower layers, other capabilities' boundaries "
                + "(from a boundary) and other capabilities' value types only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Matcher from = CAPABILITY_LAYER.matcher(origin.getPackageName());
                if (!from.matches()) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Matcher to = CAPABILITY_LAYER.matcher(target.getPackageName());
                    if (to.matches() && !allowed(from, to, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean allowed(Matcher from, Matcher to, JavaClass target) {
        String fromLayer = from.group(2);
        String toLayer = to.group(2);
        if (from.group(1).equals(to.group(1))) {
            // same capability: same or lower layer; the capability's package-info has no layer
            return fromLayer == null || toLayer == null || LAYERS.indexOf(toLayer) <= LAYERS.indexOf(fromLayer);
        }
        return "boundary".equals(fromLayer) && "boundary".equals(toLayer) || VALUE_TYPE.test(target);
    }
}
