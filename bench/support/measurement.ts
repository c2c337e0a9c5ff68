/** One named figure of the bench: our adapter against a raw better-sqlite3 baseline doing the same work. */
export interface Measurement {
  name: string;
  /** Events processed by each side. */
  events: number;
  /** A note printed under the table (e.g. why the count is smaller). */
  note?: string;
  /** Runs our side; resolves once every event is processed. */
  ours(): Promise<void>;
  baseline(): Promise<void>;
  /** Creates what both sides need (before timing) and removes it afterwards. */
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
}

export interface BenchOptions {
  quick: boolean;
}

export interface SideResult {
  seconds: number;
  eventsPerSecond: number;
  peakRssMb: number;
}

export interface FigureResult {
  name: string;
  events: number;
  note?: string;
  ours: SideResult;
  baseline: SideResult;
  /** ours / baseline throughput: 1.0 means as fast as raw SQLite. */
  ratio: number;
}
