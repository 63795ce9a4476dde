# syntax=docker/dockerfile:1
# Multi-stage: compilers and dev dependencies stay in the build stages; the runtime image has
# production dependencies, the compiled bot and the shipped knowledge, and runs as a non-root user.

FROM node:20-bookworm-slim AS deps
# better-sqlite3 compiles from source (no prebuilt binary is downloaded).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# --ignore-scripts skips our own `prepare` (sources are not here yet); native modules are rebuilt.
RUN npm ci --omit=dev --ignore-scripts && npm rebuild better-sqlite3

FROM deps AS build
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3978 DATA_DIR=/data KNOWLEDGE_DIR=/app/knowledge
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY knowledge ./knowledge
COPY schema ./schema
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/helpdesk-bot.js", "serve"]
