// Build entry point: compiles to dist/apps/api/main.js (npm start, Dockerfile). The code lives in src/.
import { runApi } from './src/main';

runApi();
