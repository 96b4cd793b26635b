package tw.fine.ra.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Changes the test server's system properties (the settings the CLI scripts define) through the
 * management API for one test; {@link #close()} puts back what was there, removing what was not.
 */
public final class ServerProperties implements AutoCloseable {

    private final ManagementClient management;
    /** Each changed property's value before the first change; null: it did not exist. */
    private final Map<String, String> before = new LinkedHashMap<>();

    public ServerProperties(ManagementClient management) {
        this.management = management;
    }

    public ServerProperties set(String name, String value) {
        ModelNode address = Operations.createAddress("system-property", name);
        ModelNode current = execute(Operations.createReadAttributeOperation(address, "value"), false);
        boolean exists = Operations.isSuccessfulOutcome(current);
        before.putIfAbsent(name, exists ? Operations.readResult(current).asString() : null);
        if (exists) {
            execute(Operations.createWriteAttributeOperation(address, "value", value), true);
        } else {
            ModelNode add = Operations.createAddOperation(address);
            add.get("value").set(value);
            execute(add, true);
        }
        return this;
    }

    @Override
    public void close() {
        before.forEach((name, value) -> {
            ModelNode address = Operations.createAddress("system-property", name);
            execute(value == null ? Operations.createRemoveOperation(address)
                    : Operations.createWriteAttributeOperation(address, "value", value), true);
        });
        before.clear();
    }

    private ModelNode execute(ModelNode operation, boolean mustSucceed) {
        try {
            ModelNode result = management.getControllerClient().execute(operation);
            if (mustSucceed) {
                assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
