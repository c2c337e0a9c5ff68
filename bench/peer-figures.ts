import type { Row } from "./support/row"; import type { Cohort } from "./workload/cohort"; import type { BenchOptions } from "./support/options";
export async function peerRows(_c: Cohort, _o: BenchOptions, _h: number | undefined): Promise<Row[]> { return []; }
