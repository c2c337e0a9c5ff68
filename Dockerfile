# Care Journey API and projector image. Build stage compiles TypeScript (and better-sqlite3 if
# no prebuilt binary fits); the runtime stage keeps only production dependencies and dist/.
FROM node:20-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts run later, once the sources are in (the `prepare` script builds the project).
RUN npm ci --ignore-scripts
COPY . .
RUN npm rebuild \
  && npm run build \
  && npm prune --omit=dev --ignore-scripts

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
# The read models' volume is mounted here; the node user must own it to write.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
