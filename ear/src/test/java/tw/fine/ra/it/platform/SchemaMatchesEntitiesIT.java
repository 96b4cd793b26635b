package tw.fine.ra.it.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;

/**
 * The Flyway migrations and the JPA entities describe the same schema: the migrations run on the
 * database (a fresh in-memory H2, or the PostgreSQL named by FINE_DB_URL in the CI's PostgreSQL
 * pass), then Hibernate validates every entity against it.
 */
class SchemaMatchesEntitiesIT {

    @Test
    void entitiesMatchTheMigratedSchema() throws Exception {
        String url = System.getenv().getOrDefault("FINE_DB_URL", "");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (!postgres) {
            url = "jdbc:h2:mem:schema-check;DB_CLOSE_DELAY=-1";
        }
        String user = postgres ? System.getenv("FINE_DB_USER") : "sa";
        String password = postgres ? System.getenv("FINE_DB_PASSWORD") : "sa";
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();

        List<Class<?>> entities = entityClasses();
        assertTrue(entities.size() >= 10, "entities found: " + entities);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(Map.of(
                "hibernate.connection.url", url,
                "hibernate.connection.username", user,
                "hibernate.connection.password", password,
                "hibernate.hbm2ddl.auto", "validate",
                "hibernate.jdbc.time_zone", "UTC")).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            // building the session factory runs the validation and throws on the first mismatch
            assertDoesNotThrow(() -> sources.buildMetadata().buildSessionFactory().close(),
                    () -> "entities differ from the migrated schema on " + (postgres ? "PostgreSQL" : "H2"));
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** Every {@code @Entity} class under tw.fine.ra, from the ejb module's classes folder or jar. */
    private static List<Class<?>> entityClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> names = new ArrayList<>();
        for (URL root : Collections.list(SchemaMatchesEntitiesIT.class.getClassLoader().getResources("tw/fine/ra"))) {
            if ("jar".equals(root.getProtocol())) {
                try (var jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(names::add);
                }
            } else {
                Path base = Path.of(root.toURI()).getParent().getParent().getParent();
                try (var files = Files.walk(Path.of(root.toURI()))) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> names.add(base.relativize(f).toString()));
                }
            }
        }
        List<Class<?>> entities = new ArrayList<>();
        for (String name : names) {
            if (name.contains("/it/")) {
                continue;
            }
            Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
                    SchemaMatchesEntitiesIT.class.getClassLoader());
            if (type.isAnnotationPresent(Entity.class)) {
                entities.add(type);
            }
        }
        return entities;
    }
}
