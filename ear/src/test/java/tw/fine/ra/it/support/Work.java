package tw.fine.ra.it.support;

/** Test work that may throw the boundaries' checked exceptions. */
@FunctionalInterface
public interface Work<T> {
    T call() throws Exception;
}
