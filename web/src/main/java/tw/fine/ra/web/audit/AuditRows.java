package tw.fine.ra.web.audit;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import tw.fine.ra.audit.boundary.AuditReading;
import tw.fine.ra.audit.entity.AuditEntry;
import tw.fine.ra.audit.entity.AuditFilter;

/** One page of the trail at a time, newest first, as the current filter selects it. */
public class AuditRows extends LazyDataModel<AuditEntry> {

    private final AuditReading reading;
    private AuditFilter filter = AuditFilter.ALL;

    AuditRows(AuditReading reading) {
        this.reading = reading;
    }

    void show(AuditFilter selected) {
        filter = selected;
    }

    @Override
    public int count(Map<String, FilterMeta> columnFilters) {
        return (int) Math.min(Integer.MAX_VALUE, reading.count(filter));
    }

    @Override
    public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sort,
            Map<String, FilterMeta> columnFilters) {
        return reading.find(filter, first, pageSize);
    }

    @Override
    public String getRowKey(AuditEntry entry) {
        return Long.toString(entry.seq());
    }
}
