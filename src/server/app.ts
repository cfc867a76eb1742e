// Builds the Fastify app from its dependencies. No listening, no timers: `inject()` tests use it
// without a socket, and src/cli starts it.
import Fastify, { LogController, type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config/config.ts';
import type { AppDeps } from './deps.ts';
import { clientErrorResponse, errorBody, errorHandler } from './errors.ts';
import { registerRoutes } from './routes/index.ts';
import { installAuth } from './routes/auth/resolve-auth.ts';
import { installTextCheck } from './clean-text.ts';
import { installStandingGuard } from './standing-guard.ts';

/** Largest JSON or form body we accept on ordinary routes; uploads set their own limits. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Largest header section we accept (Node's default is 16 KiB). */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Fastify's trustProxy for config TRUST_PROXY: a hop count becomes "the nearest N hops" (what
 * Fastify does with a number at run time; its types name only the function form).
 */
function trustProxyOption(trust: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

export interface BuildAppOptions {
  /** Called for every route as it is registered (tests enumerate the route table with it). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { maxParamLength: 200 },
    trustProxy: trustProxyOption(deps.config.trustProxy),
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    // Refusals that happen before a route runs get the {"error":{"code","message"}} shape too:
    // the router's (bad percent-encoding, an over-long param) and Node's parser's (431, 400).
    frameworkErrors: (err, request, reply) => errorHandler(err, request, reply),
    clientErrorHandler: (err, socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(clientErrorResponse(err));
      socket.destroy(err);
    },
    // Per-request log lines only at debug/trace: at 10k requests/s they would dominate the cost.
    logController: new LogController({
      disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace',
    }),
  }).withTypeProvider<ZodTypeProvider>();

  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}.`));
  });
  app.decorateRequest('auth', null);

  await app.register(helmet, {
    // Our pages load only our own scripts and styles; the cookie banner is self-hosted.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: deps.config.secret });
  await app.register(formbody, { bodyLimit: MAX_BODY_BYTES });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Assent API', version: '1', description: 'Permission-first email and SMS marketing.' },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer <key>' },
          session: { type: 'apiKey', in: 'cookie', name: 'assent_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Every string that enters is clean text (SEC-06), before anyone reads it.
  installTextCheck(app);
  // Who is calling (session cookie or API key) and the CSRF check, before any route (SEC-01).
  await installAuth(app, deps);
  // Account standing for every account-scoped write, session or API key (ACC-04, ACC-05).
  installStandingGuard(app, deps);
  await registerRoutes(app, deps);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
