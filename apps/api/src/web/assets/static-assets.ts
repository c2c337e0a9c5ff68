import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { APP_CSS } from './app-css';
import { CHARTS_JS } from './charts-js';
import { PRINT_CSS } from './print-css';
import { SESSION_WARNING_JS } from './session-warning-js';
import { GOVUK_INIT_JS, JS_ENABLED_JS } from './small-scripts';

/** Our own stylesheets and scripts live in TypeScript strings so `tsc` alone ships them (no build step). */
const OWN_ASSETS: Record<string, { type: string; body: string }> = {
  'app.css': { type: 'text/css; charset=utf-8', body: APP_CSS },
  'print.css': { type: 'text/css; charset=utf-8', body: PRINT_CSS },
  'charts.js': { type: 'text/javascript; charset=utf-8', body: CHARTS_JS },
  'govuk-init.js': { type: 'text/javascript; charset=utf-8', body: GOVUK_INIT_JS },
  'js-enabled.js': { type: 'text/javascript; charset=utf-8', body: JS_ENABLED_JS },
  'session-warning.js': { type: 'text/javascript; charset=utf-8', body: SESSION_WARNING_JS },
};

/**
 * /assets: GOV.UK Frontend's fonts and images at /assets (where its CSS expects them), its CSS and
 * JS at /assets/govuk, chart.js's UMD build at /assets/chart.js, ours at /assets/app. Served
 * straight from node_modules; registered on Fastify directly, so no guard sees them (they are public).
 */
export async function registerStaticAssets(fastify: FastifyInstance): Promise<void> {
  const govuk = dirname(require.resolve('govuk-frontend'));
  const chartJs = dirname(require.resolve('chart.js'));
  const maxAge = 24 * 3600 * 1000;
  await fastify.register(fastifyStatic, {
    root: join(govuk, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    maxAge,
    index: false,
  });
  await fastify.register(fastifyStatic, {
    root: govuk,
    prefix: '/assets/govuk/',
    decorateReply: false,
    maxAge,
    index: false,
    allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)(\.map)?$/.test(path),
  });
  await fastify.register(fastifyStatic, {
    root: chartJs,
    prefix: '/assets/chart.js/',
    decorateReply: false,
    maxAge,
    index: false,
    allowedPath: (path) => /^\/chart\.umd\.min\.js(\.map)?$/.test(path),
  });
  fastify.get('/assets/app/:file', (request, reply) => {
    const asset = OWN_ASSETS[(request.params as { file: string }).file];
    if (!asset)
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: 'No such asset' });
    return reply
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=3600')
      .send(asset.body);
  });
}
