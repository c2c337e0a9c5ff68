/**
 * The load tool as its own process: autocannon with `connections` clients, each request a
 * statutory review for the next child in turn, on a date no review of that child has used.
 *   node load-client.js <url> <token> <connections> <seconds> <targets.json> <firstRequest> [rate]
 * With a rate, autocannon offers that many requests a second over all connections (`overallRate`)
 * and corrects its latencies for coordinated omission (a request that could not be sent on time
 * counts the wait).
 * Prints one JSON line: throughput, latency percentiles, errors, and this process's own CPU time
 * (the load tool shares the machine's cores with the API).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

interface Target {
  childId: string;
}

const [url, token, connections, seconds, targetsFile, first, rate] = process.argv.slice(2);
const targets = JSON.parse(readFileSync(targetsFile, 'utf8')) as Target[];
const START = Date.parse('2025-04-01T00:00:00Z');
let n = Number(first);

/** Request n: child n mod T, dated the (n div T)-th day after the cohort's horizon. */
function nextReview(): { path: string; body: string } {
  const child = targets[n % targets.length];
  const date = new Date(START + Math.floor(n / targets.length) * 86_400_000).toISOString().slice(0, 10);
  n++;
  return {
    path: `/children/${child.childId}/reviews`,
    body: JSON.stringify({ effectiveDate: date, participation: 'PN1' }),
  };
}

autocannon(
  {
    url,
    connections: Number(connections),
    duration: Number(seconds),
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, ...nextReview() }) }],
    ...(rate === undefined ? {} : { overallRate: Number(rate) }),
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const out = {
      requests: result.requests.total,
      // Acknowledged commands only: a non-2xx answer is not a command done.
      perSecond: (result.requests.total - result.non2xx) / (result.duration || Number(seconds)),
      p50: result.latency.p50,
      p99: result.latency.p99,
      p999: result.latency.p99_9,
      max: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      sent: n - Number(first),
      cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
      tool: 'autocannon',
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  },
);
