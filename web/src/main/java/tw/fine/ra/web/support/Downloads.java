package tw.fine.ra.web.support;

import java.io.ByteArrayInputStream;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** Files the back office hands out from memory, such as freshly printed mailers. */
public final class Downloads {

    private Downloads() {
    }

    public static StreamedContent pdf(String fileName, byte[] bytes) {
        return DefaultStreamedContent.builder()
                .name(fileName)
                .contentType("application/pdf")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }
}
