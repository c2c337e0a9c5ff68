// Build entry point: compiles to dist/apps/projector/main.js (npm run start:projector). The code lives in src/.
import { runProjector } from './src/main';

void runProjector();
