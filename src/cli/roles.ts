// Starting and stopping the long-running roles (all, serve, worker, inbound).
import { startInboundSmtpServer } from '../channels/inbound-smtp/server.ts';
import { loadConfig } from '../config/config.ts';
import { platformHosts } from '../core/sending-domains/records.ts';
import { buildApp } from '../server/app.ts';
import { startWorker } from '../worker/index.ts';
import { composePlatform, type Platform } from './compose.ts';
import { bootstrapFirstOperator } from './bootstrap.ts';

export interface RoleOptions {
  http: boolean;
  worker: boolean;
  /** The inbound SMTP server (bounces, feedback reports, unsubscribe mailto, abuse mailbox); 'if-enabled': unless INBOUND_SMTP=false. */
  inbound: boolean | 'if-enabled';
}

export async function runRoles(options: RoleOptions): Promise<Platform> {
  const config = loadConfig();
  // The embedded mode migrates itself; on PostgreSQL an operator runs `assent migrate` once,
  // so that many nodes starting together never race on the schema.
  const platform = await composePlatform(config, { migrate: config.database.kind === 'sqlite' });
  const stops: Array<() => Promise<void>> = [];
  if (options.worker) await startWorker(platform);
  else await platform.queue.start();
  // SMS (issue 11): `assent all` / `assent worker` open the provider of SMS_PROVIDER (an SMPP bind
  // receives STOP/HELP by deliver_sm); platform.close() closes it. `assent serve` opens an HTTP
  // gateway at its first webhook.
  if (options.worker && config.sms) {
    platform.services.sms.start();
    platform.logger.info(`SMS provider ${platform.services.sms.kind}: inbound texts go to the STOP/HELP handler`);
  }
  if (options.http) {
    const app = await buildApp(platform);
    await app.listen({ port: config.port, host: config.host });
    stops.push(() => app.close());
    const where = config.database.kind === 'sqlite' ? `embedded SQLite ${config.database.file}` : 'PostgreSQL';
    platform.logger.info(`Assent listening on ${platform.config.publicUrl} (${where})`);
    // First run: create the first platform admin and print its password once (ACC-03).
    await bootstrapFirstOperator(platform);
  }
  if (options.inbound === true || (options.inbound === 'if-enabled' && config.inboundSmtp?.enabled !== false)) {
    const { host, port } = config.inboundSmtp ?? { host: config.host, port: 2525 };
    const hosts = platformHosts(config.publicUrl, { bounceHost: config.bounceHost });
    try {
      const inbound = await startInboundSmtpServer({
        host,
        port,
        serverName: hosts.bounceHost,
        hosts: { bounceHost: hosts.bounceHost, abuseEmail: config.abuseEmail },
        intake: platform.services.inbound,
        logger: platform.logger,
      });
      stops.push(() => inbound.close());
      platform.logger.info(`Inbound SMTP on ${host}:${inbound.port} (bounces @${hosts.bounceHost}, abuse ${config.abuseEmail})`);
    } catch (err) {
      // `assent inbound` exists for this server: there it is fatal. In `assent all` the rest of
      // the platform still runs (a try-out whose port is taken), and says so loudly.
      if (options.inbound === true) throw err;
      platform.logger.error(
        { err },
        `Inbound SMTP could not listen on ${host}:${port}: bounces and reports will not arrive (set INBOUND_SMTP_PORT, or INBOUND_SMTP=false)`,
      );
    }
  }
  const shutdown = async (signal: string) => {
    platform.logger.info(`${signal}: shutting down`);
    for (const stop of stops) await stop();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return platform;
}
