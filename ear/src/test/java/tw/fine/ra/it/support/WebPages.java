package tw.fine.ra.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tw.fine.ra.account.entity.Role;

/**
 * The pages of the web module's source folder and the roles its {@code web.xml} lets in, so the
 * security tests cover every page without a hand-kept list.
 */
public final class WebPages {

    private static final Path WEBAPP = Path.of(System.getProperty("basedir", "."), "..", "web", "src", "main", "webapp");
    private static final String SIGN_IN = "login.xhtml";

    private WebPages() {
    }

    /** Every {@code *.xhtml} under {@code app/} and {@code admin/} except the sign-in pages, as URL paths. */
    public static List<String> protectedPages() {
        List<String> pages = new ArrayList<>();
        for (String area : new String[] {"app", "admin"}) {
            try (Stream<Path> files = Files.walk(WEBAPP.resolve(area))) {
                files.filter(f -> f.toString().endsWith(".xhtml") && !f.getFileName().toString().equals(SIGN_IN))
                        .map(f -> "/" + WEBAPP.relativize(f).toString().replace('\\', '/'))
                        .sorted().forEach(pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the pages in " + WEBAPP, e);
            }
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException("no pages found in " + WEBAPP.toAbsolutePath());
        }
        return pages;
    }

    /**
     * The roles web.xml's security constraints let into this page: those of the best-matching URL
     * pattern (an exact path before the longest {@code /prefix/*}), as the servlet container decides.
     */
    public static Set<Role> rolesFor(String page) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        int best = -1;
        NodeList constraints = webXml().getElementsByTagName("security-constraint");
        for (int i = 0; i < constraints.getLength(); i++) {
            Element constraint = (Element) constraints.item(i);
            NodeList names = constraint.getElementsByTagName("role-name");
            if (names.getLength() == 0) {
                continue;
            }
            int match = bestMatch(constraint.getElementsByTagName("url-pattern"), page);
            if (match > best) {
                best = match;
                roles.clear();
            }
            if (match == best && match >= 0) {
                for (int n = 0; n < names.getLength(); n++) {
                    roles.add(Role.valueOf(names.item(n).getTextContent().strip()));
                }
            }
        }
        return roles;
    }

    private static int bestMatch(NodeList patterns, String page) {
        int best = -1;
        for (int p = 0; p < patterns.getLength(); p++) {
            String pattern = patterns.item(p).getTextContent().strip();
            if (pattern.equals(page)) {
                best = Integer.MAX_VALUE;
            } else if (pattern.endsWith("/*") && page.startsWith(pattern.substring(0, pattern.length() - 1))) {
                best = Math.max(best, pattern.length());
            }
        }
        return best;
    }

    private static Document webXml() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(WEBAPP.resolve("WEB-INF/web.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read web.xml", e);
        }
    }
}
