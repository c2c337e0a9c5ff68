// Build entry point: dist/apps/projector/healthcheck.js, the projector container's healthcheck
// (docker-compose.yml). Exit 0 while the heartbeat says running, else 1.
import { checkHeartbeat } from './src/check-heartbeat';

try {
  const { healthy, line } = checkHeartbeat();
  console.log(line);
  process.exit(healthy ? 0 : 1);
} catch (error) {
  console.error(`healthcheck: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
