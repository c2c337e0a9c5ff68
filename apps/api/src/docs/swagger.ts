import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';
export const BEARER_AUTH = 'bearer';

/** OpenAPI from the controllers and DTO decorators: UI at /docs, JSON at /docs-json. Both public. */
export function setUpSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Care Journey API')
    .setDescription(
      'Event-sourced care journeys for looked-after children. Every route needs a bearer token ' +
        '(mint one in development with `care-journey token --role social_worker --user alice`); ' +
        'each operation lists the roles it admits. Command responses carry an ETag with the stream ' +
        'revision; send it back in If-Match to write only if nothing changed meanwhile.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_AUTH)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    yamlDocumentUrl: `${DOCS_PATH}-yaml`,
  });
}
