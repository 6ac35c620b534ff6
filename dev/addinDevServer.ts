import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';

export interface AddinServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves the add-in's dev build (task pane + Outlook simulator) and forwards `/api` and `/dev` to the local
 * Functions host, so the pane calls the API on its own origin as it will behind the production URL.
 */
export async function startAddinDevServer(options: {
  port: number;
  functionsUrl: string;
}): Promise<AddinServer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFactory = require('../addin/webpack.config.js') as (
    env: Record<string, string>,
    argv: { mode: string },
  ) => webpack.Configuration;
  const compiler = webpack({
    ...configFactory({}, { mode: 'development' }),
    infrastructureLogging: { level: 'error' },
    stats: 'errors-only',
  });
  const server = new WebpackDevServer(
    {
      host: 'localhost',
      port: options.port,
      hot: false,
      liveReload: false,
      client: { overlay: false, logging: 'error' },
      static: false,
      proxy: [{ context: ['/api', '/dev'], target: options.functionsUrl }],
      devMiddleware: { stats: 'errors-only' },
    },
    compiler,
  );
  // Wait for the first build, so the URL printed is ready to open.
  const built = new Promise<void>((resolve, reject) => {
    compiler.hooks.done.tap('ready', (stats) =>
      stats.hasErrors() ? reject(new Error(stats.toString('errors-only'))) : resolve(),
    );
  });
  await server.start();
  await built;
  return { url: `http://localhost:${options.port}`, stop: () => server.stop() };
}
