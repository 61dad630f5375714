import { matchColumn, matchTableKind } from '../../src/core/mapping';
import { TABLES } from '../../src/core/schema';
import { sampleTables } from '../../src/core/template-workbook';

describe('sampleTables', () => {
  it('has every contract table, found by its name, with every column found by its header', () => {
    const samples = sampleTables();
    expect(samples.map((s) => s.kind)).toEqual(TABLES.map((t) => t.kind));
    for (const s of samples) {
      const def = matchTableKind(s.name)!;
      expect(def.kind).toBe(s.kind);
      expect(s.headers.map((h) => matchColumn(def, h)?.key)).toEqual(def.columns.map((c) => c.key));
      expect(s.rows.length).toBeGreaterThanOrEqual(1);
      for (const r of s.rows) expect(r).toHaveLength(s.headers.length);
    }
  });
});
