// Parts (c)–(e) of the benchmark: they measure the add-in's code (src/excel, src/functions).
export interface AddinBench {
  syncs: { rows: number; read: number; write: number }[];
  bundles: [string, string][];
  functions: { name: string; calls: number; usPerCall: number }[];
  notes: string[];
}

export async function benchAddin(_root: string): Promise<AddinBench> {
  return { syncs: [], bundles: [['functions', 'functions.js'], ['taskpane', 'taskpane.js']], functions: [], notes: ['the add-in parts are measured once src/excel and src/functions land'] };
}
