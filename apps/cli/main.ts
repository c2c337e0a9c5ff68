// Build entry point: compiles to dist/apps/cli/main.js, which bin/care-journey.js loads. The code lives in src/.
import './src/main';
